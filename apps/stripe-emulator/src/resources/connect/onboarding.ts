import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { newId } from '../../core/ids.js';
import type { Emit } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';
import { emitAccountChanges } from './account-events.js';
import { isWebsite } from './account-params.js';
import { accountSecrets, markEnabled, markIncomplete } from './account-state.js';

/** What the hosted onboarding form collects, as typed. */
export interface OnboardingForm {
  legalName: string;
  email: string;
  website: string;
  routingNumber: string;
  accountNumber: string;
}

/** Test bank account numbers whose payouts fail, with the failure code (Stripe's test numbers). */
export const FAILING_ACCOUNT_NUMBERS: Record<string, string> = {
  '000111111116': 'no_account',
  '000111111113': 'account_closed',
  '000222222227': 'insufficient_funds',
  '000333333335': 'debit_not_authorized',
  '000444444440': 'invalid_currency',
};

export interface BankSecrets {
  /** Payouts to this bank account fail with this code (a failing test account number). */
  payoutFailure?: string;
}

export function readForm(body: unknown): OnboardingForm {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof raw[key] === 'string' ? raw[key].trim() : '');
  return { legalName: text('legal_name'), email: text('email'), website: text('website'), routingNumber: text('routing_number'), accountNumber: text('account_number') };
}

/** What is wrong with the form; "Submit" needs everything, "Save and finish later" only well-formed values. */
export function formErrors(form: OnboardingForm, complete: boolean): string[] {
  const errors: string[] = [];
  if (complete && !form.legalName) errors.push('Enter your legal name.');
  if (form.legalName.length > 200) errors.push('The legal name can have at most 200 characters.');
  if (complete && !form.email) errors.push('Enter your email address.');
  else if (form.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) errors.push('Enter a valid email address, like you@example.com.');
  if (form.website && !isWebsite(form.website)) errors.push('Enter a valid business website, like https://example.com.');
  if (complete && !form.routingNumber) errors.push('Enter the routing number of your bank account.');
  else if (form.routingNumber && !/^\d{9}$/.test(form.routingNumber)) errors.push('The routing number must be 9 digits.');
  if (complete && !form.accountNumber) errors.push('Enter your bank account number.');
  else if (form.accountNumber && !/^\d{4,17}$/.test(form.accountNumber)) errors.push('The account number must be 4 to 17 digits.');
  return errors;
}

export interface Visitor {
  ip: string;
  userAgent: string | null;
}

/**
 * Applies a sent onboarding form. "Submit" completes onboarding (bank account attached, terms
 * accepted, everything enabled); "Save and finish later" keeps what was typed and leaves the
 * requirements due. Emits the Connect events either way.
 */
export function applyOnboarding(state: EmulatorState, emit: Emit, account: Stripe.Account, form: OnboardingForm, complete: boolean, visitor: Visitor): void {
  const before = structuredClone(account);
  const secrets = accountSecrets(state, account.id);
  if (form.email) account.email = form.email;
  if (form.website) account.business_profile = { ...account.business_profile!, url: /^https?:\/\//i.test(form.website) ? form.website : `https://${form.website}` };
  if (form.legalName) {
    secrets.legalName = form.legalName;
    account.business_profile = { ...account.business_profile!, name: account.business_profile?.name ?? form.legalName };
    account.settings!.dashboard.display_name ??= account.business_profile.name;
  }
  let bank: Stripe.BankAccount | undefined;
  if (complete) {
    bank = attachBankAccount(state, account, form);
    delete secrets.draftRouting;
    delete secrets.draftAccountNumber;
    account.tos_acceptance = { ...account.tos_acceptance, date: state.now(), ip: visitor.ip, user_agent: visitor.userAgent };
    markEnabled(account);
  } else {
    if (form.routingNumber) secrets.draftRouting = form.routingNumber;
    if (form.accountNumber) secrets.draftAccountNumber = form.accountNumber;
    if (!account.details_submitted) markIncomplete(state, account);
  }
  if (bank) emit('account.external_account.created', bank, { account: account.id });
  emitAccountChanges(state, emit, before, account);
}

/** The account's bank account for payouts; typing new details replaces the old one. */
function attachBankAccount(state: EmulatorState, account: Stripe.Account, form: OnboardingForm): Stripe.BankAccount | undefined {
  const fingerprint = createHash('sha256').update(`${form.routingNumber}:${form.accountNumber}`).digest('base64url').slice(0, 16);
  const list = (account.external_accounts ??= { object: 'list', data: [], has_more: false, url: `/v1/accounts/${account.id}/external_accounts` });
  const existing = list.data.find((external) => external.object === 'bank_account' && external.fingerprint === fingerprint);
  if (existing) return undefined;
  for (const old of list.data) state.remove(old.id);
  const bank: Stripe.BankAccount = {
    id: newId('ba'),
    object: 'bank_account',
    account: account.id,
    account_holder_name: form.legalName || null,
    account_holder_type: account.business_type === 'company' ? 'company' : 'individual',
    account_type: null,
    available_payout_methods: ['standard', 'instant'],
    bank_name: 'STRIPE TEST BANK',
    country: account.country ?? 'US',
    currency: account.default_currency ?? 'usd',
    default_for_currency: true,
    fingerprint,
    future_requirements: { currently_due: [], errors: [], past_due: [], pending_verification: [] },
    last4: form.accountNumber.slice(-4),
    metadata: {},
    requirements: { currently_due: [], errors: [], past_due: [], pending_verification: [] },
    routing_number: form.routingNumber,
    status: 'new',
  };
  state.insert(bank, account.id);
  const failure = FAILING_ACCOUNT_NUMBERS[form.accountNumber];
  if (failure) Object.assign(state.hidden<BankSecrets>(bank.id), { payoutFailure: failure });
  list.data = [bank];
  return bank;
}
