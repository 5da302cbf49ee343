import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { StripeApiError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { EmulatorState } from '../../core/state.js';

export type CardBehaviour = 'succeed' | 'decline' | 'insufficient_funds' | 'fail_after_attach' | 'bypass_pending';

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
  name?: string | null;
  email?: string | null;
}

/** What Stripe knows about a card but never shows: how its test number behaves. */
interface HiddenCard {
  behaviour?: CardBehaviour;
  cvcChecked?: boolean;
}

/** Stripe's test card numbers that do something other than succeed. */
const BEHAVIOURS: Record<string, CardBehaviour> = {
  '4000000000000077': 'bypass_pending',
  '4000000000000002': 'decline',
  '4000000000009995': 'insufficient_funds',
  '4000000000000341': 'fail_after_attach',
};

/** Stripe's test PaymentMethod ids (usable wherever a PaymentMethod is) and the card each stands for. */
const TEST_TOKENS: Record<string, string> = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  chargeDeclined: '4000000000000002',
  chargeDeclinedInsufficientFunds: '4000000000009995',
  chargeCustomerFail: '4000000000000341',
  bypassPending: '4000000000000077',
};

/**
 * Validates (digits only after removing spaces, Luhn, expiry not in the past by state.now(), CVC 3-4 digits) and creates an
 * unattached card PaymentMethod in `account`'s scope. Invalid input is a 402 card_error with Stripe's code and param.
 * Declining cards are created fine: they decline when charged, as in Stripe.
 */
export function createCardPaymentMethod(state: EmulatorState, account: string | null, card: CardInput): Stripe.PaymentMethod {
  const number = card.number.replace(/ /g, '');
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) throw cardError('Your card number is incorrect.', 'incorrect_number', 'card[number]');
  const expYear = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) {
    throw cardError("Your card's expiration month is invalid.", 'invalid_expiry_month', 'card[exp_month]');
  }
  const today = new Date(state.now() * 1000);
  const thisYear = today.getUTCFullYear();
  if (!Number.isInteger(expYear) || expYear < thisYear || expYear > thisYear + 50) {
    throw cardError("Your card's expiration year is invalid.", 'invalid_expiry_year', 'card[exp_year]');
  }
  if (expYear === thisYear && card.expMonth < today.getUTCMonth() + 1) {
    throw cardError("Your card's expiration month is invalid.", 'invalid_expiry_month', 'card[exp_month]');
  }
  if (card.cvc !== undefined && !/^\d{3,4}$/.test(card.cvc)) throw cardError("Your card's security code is invalid.", 'invalid_cvc', 'card[cvc]');
  const brand = brandOf(number);
  const method: Stripe.PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: { address: null, email: card.email ?? null, name: card.name ?? null, phone: null, tax_id: null },
    card: {
      brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: card.cvc ? 'unchecked' : null },
      country: 'US',
      display_brand: brand === 'amex' ? 'american_express' : brand,
      exp_month: card.expMonth,
      exp_year: expYear,
      fingerprint: createHash('sha256').update(number).digest('base64url').slice(0, 16),
      funding: 'credit',
      generated_from: null,
      last4: number.slice(-4),
      networks: { available: [brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: state.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
  state.insert(method, account);
  Object.assign(state.hidden<HiddenCard>(method.id), { behaviour: BEHAVIOURS[number] ?? 'succeed', cvcChecked: Boolean(card.cvc) } satisfies HiddenCard);
  return method;
}

/**
 * A `pm_...` id in scope, or a Stripe test token (pm_card_visa, pm_card_chargeDeclined, ...) which creates a fresh
 * PaymentMethod as Stripe does. Unknown → resource_missing naming `param`.
 */
export function resolvePaymentMethod(state: EmulatorState, account: string | null, idOrToken: string, param: string): Stripe.PaymentMethod {
  const token = /^(?:pm_card|tok)_(\w+)$/.exec(idOrToken)?.[1];
  if (token && TEST_TOKENS[token]) {
    const now = new Date(state.now() * 1000);
    return createCardPaymentMethod(state, account, { number: TEST_TOKENS[token], expMonth: now.getUTCMonth() + 1, expYear: now.getUTCFullYear() + 1, cvc: '123' });
  }
  return state.get<Stripe.PaymentMethod>('payment_method', idOrToken, account, param);
}

export function cardBehaviour(state: EmulatorState, paymentMethodId: string): CardBehaviour {
  return state.hidden<HiddenCard>(paymentMethodId).behaviour ?? 'succeed';
}

/** Whether the card was given with a CVC (the charge's `cvc_check` is then `pass`). */
export function cvcChecked(state: EmulatorState, paymentMethodId: string): boolean {
  return state.hidden<HiddenCard>(paymentMethodId).cvcChecked ?? false;
}

function cardError(message: string, code: string, param: string): StripeApiError {
  return new StripeApiError(402, 'card_error', message, { code, param });
}

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): string {
  const prefix2 = Number(number.slice(0, 2));
  const prefix4 = Number(number.slice(0, 4));
  if (number.startsWith('4')) return 'visa';
  if ((prefix2 >= 51 && prefix2 <= 55) || (prefix4 >= 2221 && prefix4 <= 2720)) return 'mastercard';
  if (prefix2 === 34 || prefix2 === 37) return 'amex';
  if (number.startsWith('6011') || number.startsWith('65') || (prefix4 >= 6440 && prefix4 <= 6499)) return 'discover';
  if (prefix2 === 35) return 'jcb';
  if (prefix2 === 30 || prefix2 === 36 || prefix2 === 38) return 'diners';
  if (prefix2 === 62) return 'unionpay';
  return 'unknown';
}
