import type Stripe from 'stripe';
import { newId } from '../../core/ids.js';
import type { EmulatorState } from '../../core/state.js';
import { markEnabled, requirements } from './account-state.js';

export interface AccountBasics {
  type: Stripe.Account.Type;
  controller?: Stripe.Account.Controller;
  country: string;
  currency: string;
  email: string | null;
  created: number;
}

/** An account as Stripe shows it before anything is known about the business. */
export function blankAccount(basics: AccountBasics): Stripe.Account {
  const id = newId('acct', 16);
  return {
    id,
    object: 'account',
    business_profile: { mcc: null, minority_owned_business_designation: null, name: null, specified_commercial_transactions_act_url: null, support_address: null, support_email: null, support_phone: null, support_url: null, url: null },
    business_type: null,
    capabilities: {},
    charges_enabled: false,
    ...(basics.controller ? { controller: basics.controller } : {}),
    country: basics.country,
    created: basics.created,
    default_currency: basics.currency,
    details_submitted: false,
    email: basics.email,
    external_accounts: { object: 'list', data: [], has_more: false, url: `/v1/accounts/${id}/external_accounts` },
    future_requirements: requirements([], null),
    metadata: {},
    payouts_enabled: false,
    requirements: requirements([], null),
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: { decline_on: { avs_failure: false, cvc_failure: false }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: null, timezone: 'Etc/UTC' },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: 'offer' },
      payments: { statement_descriptor: null, statement_descriptor_kana: null, statement_descriptor_kanji: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval: 'daily' }, statement_descriptor: null },
      sepa_debit_payments: {},
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: basics.type,
  };
}

interface PlatformRecord {
  account?: Stripe.Account;
}

/** The platform's own account (`GET /v1/account`): made on first use, kept out of the connected accounts' list. */
export function platformAccount(state: EmulatorState): Stripe.Account {
  const record = state.hidden<PlatformRecord>('platform_account');
  if (!record.account) {
    const account = blankAccount({ type: 'standard', country: 'US', currency: 'usd', email: 'platform@guild.test', created: state.now() });
    account.business_type = 'company';
    account.business_profile = { ...account.business_profile!, name: 'Guild', url: 'https://guild.test', mcc: '5734' };
    account.settings!.dashboard.display_name = 'Guild';
    account.capabilities = { card_payments: 'active', transfers: 'active' };
    delete account.external_accounts;
    markEnabled(account);
    account.tos_acceptance = { date: account.created, ip: '127.0.0.1', user_agent: null };
    record.account = account;
  }
  return record.account;
}
