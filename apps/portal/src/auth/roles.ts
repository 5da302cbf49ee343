import type { StaffRole } from '@guild/contracts';
import type { AuthState } from './auth-store';

/** Who may see and replay Stripe webhook events (the API checks the same roles). */
export const STRIPE_EVENT_ROLES: readonly StaffRole[] = ['finance', 'admin'];

/** True when the signed-in user holds at least one of the roles; false while restoring or signed out. */
export function hasAnyRole(auth: AuthState, roles: readonly StaffRole[]): boolean {
  return auth.status === 'signed-in' && roles.some((role) => auth.user.roles.includes(role));
}

/** Who may review partner applications (the API checks the same roles). */
export const PARTNER_APPLICATION_ROLES: readonly StaffRole[] = ['reviewer', 'admin'];

/** Who may list partners (the API checks the same roles). */
export const PARTNER_STAFF_ROLES: readonly StaffRole[] = ['reviewer', 'admin'];

/** Who may suspend and reinstate partners (the API checks the same role). */
export const PARTNER_SUSPENSION_ROLES: readonly StaffRole[] = ['admin'];

/** Who may work the plugin review desk (the API checks the same roles). */
export const PLUGIN_REVIEW_ROLES: readonly StaffRole[] = ['reviewer', 'admin'];

/** Who may hide and show community content, move ideas and credit contributors (the API checks the same roles). */
export const MODERATOR_ROLES: readonly StaffRole[] = ['moderator', 'admin'];

/** Who may see the community's advocates and invite them to apply (the API checks the same roles). */
export const ADVOCATE_ROLES: readonly StaffRole[] = ['reviewer', 'moderator', 'admin'];
