import { formatMoney } from './money';

/** Any of the API's pricing shapes (free, one-time, subscription), read loosely so views and drafts share it. */
export interface PricingLike {
  model: string;
  currency?: string | null;
  amount?: number | null;
  monthlyAmount?: number | null;
  yearlyAmount?: number | null;
}

/** "Free", "€12.50 once", "€5.00 a month or €50.00 a year". */
export function pricingText(pricing: PricingLike): string {
  const currency = pricing.currency ?? 'USD';
  if (pricing.model === 'one_time' && pricing.amount != null) return `${formatMoney(pricing.amount, currency)} once`;
  if (pricing.model === 'subscription') {
    const parts = [
      pricing.monthlyAmount != null && `${formatMoney(pricing.monthlyAmount, currency)} a month`,
      pricing.yearlyAmount != null && `${formatMoney(pricing.yearlyAmount, currency)} a year`,
    ].filter(Boolean);
    return parts.length ? parts.join(' or ') : 'Subscription (no price set yet)';
  }
  return 'Free';
}
