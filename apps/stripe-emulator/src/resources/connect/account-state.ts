import type Stripe from 'stripe';
import type { EmulatorState } from '../../core/state.js';

/** The capabilities a connected account may request here (Stripe has many more; these are the ones Guild's flows touch). */
export const CAPABILITY_NAMES = [
  'card_payments',
  'transfers',
  'link_payments',
  'us_bank_account_ach_payments',
  'cashapp_payments',
  'affirm_payments',
  'klarna_payments',
  'afterpay_clearpay_payments',
  'tax_reporting_us_1099_k',
  'tax_reporting_us_1099_misc',
] as const;

/** What Stripe keeps about an account but never shows. */
export interface AccountSecrets {
  /** When each capability was (last) requested. */
  requestedAt?: Record<string, number>;
  /** The legal name typed during onboarding (Stripe keeps it on the person or company, which Express platforms rarely see). */
  legalName?: string;
  /** Bank details typed on "Save and finish later": prefilled next time, not yet an external account. */
  draftRouting?: string;
  draftAccountNumber?: string;
}

export function accountSecrets(state: EmulatorState, accountId: string): AccountSecrets {
  return state.hidden<AccountSecrets>(accountId);
}

/** A connected account of this platform (they all live in the platform's scope). */
export function connectedAccount(state: EmulatorState, id: string, param?: string): Stripe.Account {
  return state.get<Stripe.Account>('account', id, null, param);
}

export function capabilityMap(account: Stripe.Account): Record<string, string> {
  account.capabilities ??= {};
  return account.capabilities as Record<string, string>;
}

// Stripe's lists for a US Express account, by business type (the fields its onboarding collects).
const DUE_UNKNOWN = ['business_profile.mcc', 'business_profile.url', 'business_type', 'external_account', 'representative.first_name', 'representative.last_name', 'tos_acceptance.date', 'tos_acceptance.ip'];
const DUE_INDIVIDUAL = [
  'business_profile.mcc',
  'business_profile.url',
  'external_account',
  'individual.address.city',
  'individual.address.line1',
  'individual.address.postal_code',
  'individual.address.state',
  'individual.dob.day',
  'individual.dob.month',
  'individual.dob.year',
  'individual.email',
  'individual.first_name',
  'individual.last_name',
  'individual.phone',
  'individual.ssn_last_4',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];
const DUE_COMPANY = [
  'business_profile.mcc',
  'business_profile.url',
  'company.address.city',
  'company.address.line1',
  'company.address.postal_code',
  'company.address.state',
  'company.name',
  'company.phone',
  'company.tax_id',
  'external_account',
  'owners_provided',
  'representative.first_name',
  'representative.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];
const NAME_FIELDS = ['individual.first_name', 'individual.last_name', 'representative.first_name', 'representative.last_name', 'company.name'];

/** The fields Stripe still needs before the account may take payments and pay out. */
export function fieldsDue(state: EmulatorState, account: Stripe.Account): string[] {
  const base = account.business_type === 'individual' ? DUE_INDIVIDUAL : account.business_type === 'company' ? DUE_COMPANY : DUE_UNKNOWN;
  const known = new Set<string>();
  if (account.business_profile?.url) known.add('business_profile.url');
  if (account.business_profile?.mcc) known.add('business_profile.mcc');
  if (account.business_type) known.add('business_type');
  if (account.email) known.add('individual.email');
  if (account.external_accounts?.data.length) known.add('external_account');
  if (account.tos_acceptance?.date) ['tos_acceptance.date', 'tos_acceptance.ip'].forEach((field) => known.add(field));
  if (accountSecrets(state, account.id).legalName) NAME_FIELDS.forEach((field) => known.add(field));
  return base.filter((field) => !known.has(field));
}

export function requirements(due: string[], disabledReason: Stripe.Account.Requirements.DisabledReason | null, pastDue = due): Stripe.Account.Requirements {
  return { alternatives: [], current_deadline: null, currently_due: due, disabled_reason: disabledReason, errors: [], eventually_due: due, past_due: pastDue, pending_verification: [] };
}

/** Not (yet) onboarded: what is missing is due at once, and nothing is enabled. */
export function markIncomplete(state: EmulatorState, account: Stripe.Account): void {
  const due = fieldsDue(state, account);
  account.requirements = requirements(due, due.length ? 'requirements.past_due' : 'requirements.pending_verification');
  account.future_requirements = requirements([], null);
  account.charges_enabled = false;
  account.payouts_enabled = false;
  setRequestedCapabilities(account, 'inactive');
}

/** Onboarding done and nothing held back: every requested capability active. */
export function markEnabled(account: Stripe.Account): void {
  account.details_submitted = true;
  account.requirements = requirements([], null);
  account.future_requirements = requirements([], null);
  account.charges_enabled = true;
  account.payouts_enabled = true;
  setRequestedCapabilities(account, 'active');
}

/** Stripe holding the account back (a control switch): fields due now, payments and payouts off. */
export function markRestricted(account: Stripe.Account, reason: Stripe.Account.Requirements.DisabledReason, due: string[]): void {
  account.requirements = requirements(due, reason);
  account.charges_enabled = false;
  account.payouts_enabled = false;
  setRequestedCapabilities(account, 'inactive');
}

/** Whether a requested capability is active right now: onboarded and not held back. */
export function isEnabled(account: Stripe.Account): boolean {
  return account.details_submitted && !account.requirements?.disabled_reason;
}

function setRequestedCapabilities(account: Stripe.Account, status: 'active' | 'inactive'): void {
  const capabilities = capabilityMap(account);
  for (const name of Object.keys(capabilities)) capabilities[name] = status;
}

/** Requests or un-requests capabilities; an un-requested one leaves `account.capabilities`, as in Stripe. */
export function requestCapabilities(state: EmulatorState, account: Stripe.Account, requested: Record<string, boolean>): void {
  const capabilities = capabilityMap(account);
  const secrets = accountSecrets(state, account.id);
  for (const [name, wanted] of Object.entries(requested)) {
    if (!wanted) {
      delete capabilities[name];
      continue;
    }
    if (name in capabilities) continue;
    capabilities[name] = isEnabled(account) ? 'active' : 'inactive';
    secrets.requestedAt = { ...secrets.requestedAt, [name]: state.now() };
  }
}
