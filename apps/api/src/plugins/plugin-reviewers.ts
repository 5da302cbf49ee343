import type { StaffRole } from '@guild/contracts';
import type { Caller } from '../identity/caller.js';
import { IdentityError } from '../identity/identity.errors.js';

/** Staff who review plugins, and see and download every version. */
export const PLUGIN_REVIEWERS: readonly StaffRole[] = ['reviewer', 'admin'];

export const isAdmin = (caller: Caller): boolean => caller.roles.includes('admin');

/** Reviewer or admin, from a signed-in session (staff powers never come with an API token). */
export function isPluginReviewer(caller: Caller | null): boolean {
  return caller !== null && caller.via === 'session' && PLUGIN_REVIEWERS.some((role) => caller.roles.includes(role));
}

/** The staff routes' rule, checked again in the services for internal callers. */
export function assertPluginReviewer(caller: Caller): void {
  if (!isPluginReviewer(caller)) {
    throw new IdentityError('STAFF_ROLE_REQUIRED', `This needs one of the staff roles: ${PLUGIN_REVIEWERS.join(', ')}.`, { required: PLUGIN_REVIEWERS });
  }
}
