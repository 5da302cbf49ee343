import type { StaffRole } from '@guild/contracts';
import type { Caller } from '../../identity/caller.js';
import { IdentityError } from '../../identity/identity.errors.js';

const REVIEWERS: StaffRole[] = ['reviewer', 'admin'];

export const isAdmin = (caller: Caller): boolean => caller.roles.includes('admin');

/** The staff routes' rule, checked again in the services for internal callers. */
export function assertReviewer(caller: Caller): void {
  if (!REVIEWERS.some((role) => caller.roles.includes(role))) {
    throw new IdentityError('STAFF_ROLE_REQUIRED', `This needs one of the staff roles: ${REVIEWERS.join(', ')}.`, { required: REVIEWERS });
  }
}
