import type { Pricing } from '../listing-details.js';

export const PRICING_MODELS = ['free', 'one_time', 'subscription'] as const;
export type PricingModel = Pricing['model'];

interface CurrencyRule {
  /** Digits after the decimal point: 2 for cents, 0 for zero-decimal currencies such as JPY. */
  decimals: 0 | 2;
  /** The smallest charge, in minor units (Stripe's minimums: a charge below it cannot be made). */
  minimum: number;
}

/** The currencies a listing may be priced in, with the smallest charge each allows. */
export const CURRENCIES: Readonly<Record<string, CurrencyRule>> = Object.freeze({
  USD: { decimals: 2, minimum: 50 },
  EUR: { decimals: 2, minimum: 50 },
  GBP: { decimals: 2, minimum: 30 },
  CAD: { decimals: 2, minimum: 50 },
  AUD: { decimals: 2, minimum: 50 },
  CHF: { decimals: 2, minimum: 50 },
  SEK: { decimals: 2, minimum: 300 },
  JPY: { decimals: 0, minimum: 50 },
});
export const CURRENCY_CODES = Object.keys(CURRENCIES);

/** Stripe's largest amount for one charge (eight digits of minor units). */
export const MAX_AMOUNT = 99_999_999;

export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && Object.hasOwn(CURRENCIES, code);
}

/** `1234` USD → "12.34 USD"; `500` JPY → "500 JPY". */
export function formatAmount(currency: string, amount: number): string {
  const decimals = CURRENCIES[currency]?.decimals ?? 2;
  const text = decimals === 0 ? String(amount) : `${Math.trunc(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
  return `${text} ${currency}`;
}

/** What is wrong with `amount` as a price in `currency` (integer minor units), or null. */
export function amountProblem(field: string, currency: string, amount: unknown): string | null {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) return `${field} must be a whole number of minor units (e.g. cents)`;
  const rule = CURRENCIES[currency];
  if (!rule) return null; // the currency's own error says what is wrong
  if (amount < rule.minimum) return `${field} must be at least ${formatAmount(currency, rule.minimum)} (${rule.minimum} in minor units)`;
  if (amount > MAX_AMOUNT) return `${field} must be at most ${formatAmount(currency, MAX_AMOUNT)} (${MAX_AMOUNT} in minor units)`;
  return null;
}
