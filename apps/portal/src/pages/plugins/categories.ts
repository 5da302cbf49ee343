import type { ListingDetails } from './plugin-api';

export type Category = ListingDetails['categories'][number];

/** The catalog's categories (the API checks the same list) and how they read. */
export const CATEGORY_LABELS: Record<Category, string> = {
  analytics: 'Analytics',
  automation: 'Automation',
  communication: 'Communication',
  'developer-tools': 'Developer tools',
  finance: 'Finance',
  integrations: 'Integrations',
  marketing: 'Marketing',
  productivity: 'Productivity',
  security: 'Security',
  support: 'Support',
};

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

export const MAX_CATEGORIES = 3;

export const categoryLabel = (category: string) => CATEGORY_LABELS[category as Category] ?? category;
