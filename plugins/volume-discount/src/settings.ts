/** From `minQuantity` units on a line, `percentOff` of the line's amount (0 < percentOff ≤ 100). */
export interface Tier {
  minQuantity: number;
  percentOff: number;
}

/** What the buyer fills in at install (guild-plugin.json → settings). */
export interface Settings {
  tiers: Tier[];
  skuPrefix?: string;
  label?: string;
  maxDiscountPerLine?: number;
}

// The platform validates settings against the manifest but does not fill in its defaults.
export const DEFAULT_LABEL = 'Volume discount';
