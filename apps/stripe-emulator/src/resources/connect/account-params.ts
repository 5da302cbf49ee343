import type Stripe from 'stripe';
import { invalid, unknownParam } from '../../core/errors.js';
import type { Params } from '../../core/params.js';
import { CAPABILITY_NAMES } from './account-state.js';

const PROFILE_FIELDS = ['name', 'url', 'mcc', 'product_description', 'support_email', 'support_phone', 'support_url'] as const;
const BUSINESS_TYPES = ['individual', 'company', 'non_profit', 'government_entity'] as const;

export function businessType(params: Params): Stripe.Account.BusinessType | undefined {
  return params.string('business_type', { oneOf: BUSINESS_TYPES });
}

export function email(params: Params): string | undefined {
  const value = params.string('email');
  if (value !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw invalid(`Invalid email address: ${value}`, 'email', 'email_invalid');
  return value;
}

export function isWebsite(value: string): boolean {
  return /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i.test(value);
}

/** `business_profile[...]` merged over what the account has. */
export function businessProfile(params: Params, current: Stripe.Account.BusinessProfile | null | undefined): Stripe.Account.BusinessProfile {
  const profile: Stripe.Account.BusinessProfile = current
    ? { ...current }
    : { mcc: null, minority_owned_business_designation: null, name: null, specified_commercial_transactions_act_url: null, support_address: null, support_email: null, support_phone: null, support_url: null, url: null };
  const given = params.object('business_profile');
  if (!given) return profile;
  given.allowOnly(PROFILE_FIELDS);
  for (const field of ['url', 'support_url'] as const) {
    const value = given.string(field);
    if (value !== undefined && !isWebsite(value)) throw invalid(`Not a valid URL`, given.name(field), 'url_invalid');
    if (given.has(field)) profile[field] = value ?? null;
  }
  const mcc = given.string('mcc');
  if (mcc !== undefined && !/^\d{4}$/.test(mcc)) throw invalid(`Invalid mcc: ${mcc}. The merchant category code must be 4 digits.`, given.name('mcc'));
  if (given.has('mcc')) profile.mcc = mcc ?? null;
  if (given.has('name')) profile.name = given.string('name') ?? null;
  if (given.has('product_description')) profile.product_description = given.string('product_description') ?? null;
  if (given.has('support_email')) profile.support_email = given.string('support_email') ?? null;
  if (given.has('support_phone')) profile.support_phone = given.string('support_phone') ?? null;
  return profile;
}

/** `capabilities[transfers][requested]=true` as `{ transfers: true }`. */
export function capabilityRequests(params: Params): Record<string, boolean> {
  const given = params.object('capabilities');
  if (!given) return {};
  const requests: Record<string, boolean> = {};
  for (const name of Object.keys(given.raw)) {
    if (!(CAPABILITY_NAMES as readonly string[]).includes(name)) throw unknownParam(given.name(name));
    const capability = given.object(name);
    if (!capability) throw invalid(`Invalid object: ${given.name(name)}`, given.name(name));
    capability.allowOnly(['requested']);
    const requested = capability.boolean('requested');
    if (requested === undefined) throw invalid(`Missing required param: ${capability.name('requested')}.`, capability.name('requested'), 'parameter_missing');
    requests[name] = requested;
  }
  return requests;
}

/**
 * Who controls the account, from `type` (the classic account types) or `controller` (Stripe's
 * newer way of saying the same): an Express account is the platform's, with the Express dashboard.
 */
export function accountKind(params: Params): { type: Stripe.Account.Type; controller: Stripe.Account.Controller } {
  const type = params.string('type', { oneOf: ['express', 'custom', 'standard'] });
  const given = params.object('controller');
  if (type && given) throw invalid('You cannot specify both `type` and `controller`. Use `controller` to describe the account.', 'controller');
  if (!given) {
    const kind = (type ?? 'standard') as keyof typeof CLASSIC;
    return { type: kind, controller: CLASSIC[kind] };
  }
  given.allowOnly(['fees', 'losses', 'requirement_collection', 'stripe_dashboard']);
  const dashboard = given.object('stripe_dashboard')?.string('type', { oneOf: ['express', 'full', 'none'] }) ?? 'full';
  const payer = given.object('fees')?.string('payer', { oneOf: ['account', 'application'] }) ?? (dashboard === 'full' ? 'account' : 'application');
  const losses = given.object('losses')?.string('payments', { oneOf: ['application', 'stripe'] }) ?? (dashboard === 'full' ? 'stripe' : 'application');
  const collection = given.string('requirement_collection', { oneOf: ['application', 'stripe'] }) ?? (dashboard === 'none' ? 'application' : 'stripe');
  if (collection === 'application' && dashboard !== 'none') {
    throw invalid('`controller[requirement_collection]` can only be `application` when `controller[stripe_dashboard][type]` is `none`.', 'controller[requirement_collection]');
  }
  const controller: Stripe.Account.Controller = {
    fees: { payer: payer === 'application' && dashboard === 'express' ? 'application_express' : payer },
    is_controller: true,
    losses: { payments: losses },
    requirement_collection: collection,
    stripe_dashboard: { type: dashboard },
    type: 'application',
  };
  const classic = dashboard === 'express' ? 'express' : dashboard === 'full' && payer === 'account' ? 'standard' : dashboard === 'none' ? 'custom' : 'none';
  return { type: classic, controller };
}

const CLASSIC: Record<'express' | 'custom' | 'standard', Stripe.Account.Controller> = {
  express: {
    fees: { payer: 'application_express' },
    is_controller: true,
    losses: { payments: 'application' },
    requirement_collection: 'stripe',
    stripe_dashboard: { type: 'express' },
    type: 'application',
  },
  custom: { fees: { payer: 'application_custom' }, is_controller: true, losses: { payments: 'application' }, requirement_collection: 'application', stripe_dashboard: { type: 'none' }, type: 'application' },
  standard: { fees: { payer: 'account' }, is_controller: true, losses: { payments: 'stripe' }, requirement_collection: 'stripe', stripe_dashboard: { type: 'full' }, type: 'application' },
};

const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const CURRENCIES: Record<string, string> = { US: 'usd', CA: 'cad', GB: 'gbp', AU: 'aud', NZ: 'nzd', JP: 'jpy', SG: 'sgd', HK: 'hkd', CH: 'chf', SE: 'sek', NO: 'nok', DK: 'dkk', PL: 'pln', MX: 'mxn', BR: 'brl' };

export function country(params: Params): string {
  const value = (params.string('country') ?? 'US').toUpperCase();
  if (!/^[A-Z]{2}$/.test(value)) throw invalid(`Country '${value}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`, 'country', 'country_unsupported');
  return value;
}

export function currencyOf(countryCode: string): string {
  return EURO.includes(countryCode) ? 'eur' : (CURRENCIES[countryCode] ?? 'usd');
}
