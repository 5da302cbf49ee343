/** A category and the words that point to it. A keyword ending in `*` also matches longer words (`refund*`: refunds, refunded). */
export interface Rule {
  category: string;
  keywords: string[];
}

/** What the buyer fills in at install (guild-plugin.json → settings). */
export interface Settings {
  rules?: Rule[];
  minimumConfidence?: number;
}

// The platform validates settings against the manifest but does not fill in its defaults, so
// the same values live here; a test keeps the two in step.
export const DEFAULT_RULES: Rule[] = [
  {
    category: 'billing',
    keywords: ['invoice*', 'refund*', 'billing', 'billed', 'charge', 'charged', 'charges', 'payment*', 'receipt*', 'subscription*', 'credit card', 'pricing', 'vat'],
  },
  {
    category: 'bug',
    keywords: ['bug', 'bugs', 'error*', 'crash*', 'broken', 'exception', 'not working', "doesn't work", 'fails', 'failed', 'failing', 'stack trace', 'blank page'],
  },
  {
    category: 'account',
    keywords: ['login', 'log in', 'sign in', 'password*', '2fa', 'two-factor', 'locked out', 'username', 'reset link', 'sso', 'delete my account'],
  },
  {
    category: 'feature-request',
    keywords: ['feature request', 'feature', 'would be nice', 'would love', 'could you add', 'please add', 'suggestion*', 'roadmap', 'support for'],
  },
];

export const DEFAULT_MINIMUM_CONFIDENCE = 0.3;
