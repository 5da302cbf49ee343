import { isDeepStrictEqual } from 'node:util';

/** What a listing shows: the partner edits a draft of it; the public sees the last approved copy. */
export interface ListingDetails {
  displayName: string;
  summary: string;
  /** Markdown source; rendered and sanitised on the way out, never stored as HTML. */
  description: string;
  categories: ListingCategory[];
  icon: MediaRef | null;
  screenshots: Screenshot[];
  supportUrl: string | null;
  privacyPolicyUrl: string | null;
  pricing: Pricing;
}

/** An uploaded image, stored content-addressed and served from /v1/plugin-media/{sha256}. */
export interface MediaRef {
  sha256: string;
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  bytes: number;
}

export interface Screenshot extends MediaRef {
  caption: string;
}

/** Amounts are integer minor units of `currency` (ISO 4217, upper case). */
export type Pricing =
  | { model: 'free' }
  | { model: 'one_time'; currency: string; amount: number }
  | { model: 'subscription'; currency: string; monthlyAmount: number | null; yearlyAmount: number | null };

export const LISTING_CATEGORIES = [
  'analytics',
  'automation',
  'communication',
  'developer-tools',
  'finance',
  'integrations',
  'marketing',
  'productivity',
  'security',
  'support',
] as const;
export type ListingCategory = (typeof LISTING_CATEGORIES)[number];

export const LISTING_LIMITS = Object.freeze({
  displayNameLength: 60,
  summaryLength: 160,
  descriptionLength: 20_000,
  categories: 3,
  screenshots: 8,
  captionLength: 140,
  urlLength: 500,
});

const DETAIL_FIELDS: readonly (keyof ListingDetails)[] = [
  'displayName',
  'summary',
  'description',
  'categories',
  'icon',
  'screenshots',
  'supportUrl',
  'privacyPolicyUrl',
  'pricing',
];

/** The fields whose values differ (deeply, whatever the key order jsonb gave them); `before` null: every field that is set. */
export function changedFields(before: ListingDetails | null, after: ListingDetails): (keyof ListingDetails)[] {
  return DETAIL_FIELDS.filter((field) => !isDeepStrictEqual(before?.[field] ?? null, after[field] ?? null));
}

/** A new listing's draft: the partner fills it in before the first version goes to review. */
export function emptyDetails(displayName: string): ListingDetails {
  return {
    displayName,
    summary: '',
    description: '',
    categories: [],
    icon: null,
    screenshots: [],
    supportUrl: null,
    privacyPolicyUrl: null,
    pricing: { model: 'free' },
  };
}

/**
 * What a listing still lacks before it can be shown to the public (checked when its first version
 * or a listing change goes to review): the field names, empty when complete.
 */
export function missingFields(details: ListingDetails): (keyof ListingDetails)[] {
  const missing: (keyof ListingDetails)[] = [];
  if (!details.displayName.trim()) missing.push('displayName');
  if (!details.summary.trim()) missing.push('summary');
  if (!details.description.trim()) missing.push('description');
  if (details.categories.length === 0) missing.push('categories');
  if (!details.supportUrl) missing.push('supportUrl');
  return missing;
}
