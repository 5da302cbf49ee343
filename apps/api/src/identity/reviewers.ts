import { REVIEWER_ROLES } from '@guild/contracts';
import { assertAllowed } from './access.guard.js';
import type { Caller } from './caller.js';

export const isAdmin = (caller: Caller): boolean => caller.roles.includes('admin');

/** A reviewer or admin, from a signed-in session (staff powers never come with an API token). */
export function isReviewer(caller: Caller | null): boolean {
  return caller !== null && caller.via === 'session' && REVIEWER_ROLES.some((role) => caller.roles.includes(role));
}

/** The staff routes' rule for reviewers, checked again in services for internal callers. */
export function assertReviewer(caller: Caller): void {
  assertAllowed({ kind: 'staff', roles: [...REVIEWER_ROLES] }, caller);
}
