import { MODERATOR_ROLES } from '@guild/contracts';
import type { Caller } from '../identity/caller.js';
import { DomainError } from '../platform/http/domain-error.js';

/** A moderator acting from a browser session (API tokens never carry staff powers). */
export function isModerator(caller: Caller | null): boolean {
  return !!caller && caller.via === 'session' && caller.roles.some((role) => (MODERATOR_ROLES as readonly string[]).includes(role));
}

export function assertModerator(caller: Caller): void {
  if (!isModerator(caller)) throw new DomainError('STAFF_ROLE_REQUIRED', 403, `Only ${MODERATOR_ROLES.join(' or ')} staff may do this.`);
}

/** Whether `viewer` sees hidden content by `authorId`: its author (with the moderator's reason) and moderators. */
export function seesHidden(viewer: Caller | null, authorId: string): boolean {
  return !!viewer && (viewer.userId === authorId || isModerator(viewer));
}
