import type { FunctionInput, FunctionOutput } from '@guild/plugin-sdk';
import { DEFAULT_LABEL, type Settings, type Tier } from './settings.js';

type Cart = FunctionInput<'cart.discounts'>;
type Discount = FunctionOutput<'cart.discounts'>['discounts'][number];

// Percentages are taken to four decimals and applied in BigInt: in floating point 3000 × 33.3 / 100
// is 998.999…, which would round a correct 999 down to 998, and big amounts lose precision.
const PERCENT_SCALE = 10_000n;

/** The tier with the largest discount among those the quantity reaches, in whatever order they were entered. */
export function bestTier(tiers: readonly Tier[], quantity: number): Tier | undefined {
  let best: Tier | undefined;
  for (const tier of tiers) {
    if (quantity >= tier.minQuantity && tier.percentOff > (best?.percentOff ?? 0)) best = tier;
  }
  return best;
}

/** `percentOff` of `amount` in minor units, rounded down, never more than the cap or the amount. */
export function percentOf(amount: number, percentOff: number, cap = Number.MAX_SAFE_INTEGER): number {
  const scaled = BigInt(Math.round(percentOff * Number(PERCENT_SCALE)));
  const discount = Number((BigInt(amount) * scaled) / (100n * PERCENT_SCALE));
  return Math.min(discount, cap, amount);
}

export function volumeDiscounts(cart: Cart, settings: Readonly<Settings>): Discount[] {
  const tiers = settings.tiers ?? [];
  const label = settings.label ?? DEFAULT_LABEL;
  return cart.lines.flatMap((line) => {
    if (settings.skuPrefix !== undefined && !line.sku.startsWith(settings.skuPrefix)) return [];
    const tier = bestTier(tiers, line.quantity);
    const amount = tier ? percentOf(line.amount, tier.percentOff, settings.maxDiscountPerLine) : 0;
    return amount > 0 ? [{ lineId: line.lineId, amount, currency: cart.currency, label }] : [];
  });
}
