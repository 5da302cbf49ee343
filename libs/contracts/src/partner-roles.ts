/** Roles inside a partner organisation: exactly one owner; developers build, finance handles money. */
export const PARTNER_ROLES = ['owner', 'developer', 'finance'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** The roles an owner may hand out (ownership only moves by a transfer). */
export const ASSIGNABLE_PARTNER_ROLES = ['developer', 'finance'] as const satisfies readonly PartnerRole[];
export type AssignablePartnerRole = (typeof ASSIGNABLE_PARTNER_ROLES)[number];
