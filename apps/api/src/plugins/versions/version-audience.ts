import type { EntityManager } from 'typeorm';
import type { StaffRole } from '@guild/contracts';
import type { Caller } from '../../identity/caller.js';
import type { PluginListing } from '../entities/plugin-listing.entity.js';
import type { ListingAccess } from '../listing-access.service.js';

/** Staff who review plugins, and see and download every version. */
export const PLUGIN_REVIEWERS: readonly StaffRole[] = ['reviewer', 'admin'];

/** Reviewer or admin, from a signed-in session (staff powers never come with an API token). */
export function isPluginReviewer(caller: Caller | null): boolean {
  return caller !== null && caller.via === 'session' && PLUGIN_REVIEWERS.some((role) => caller.roles.includes(role));
}

/**
 * Whether the caller sees every version of the listing (unpublished ones, reports, review history):
 * a member of its partner in any role, or reviewer/admin staff. A token counts only with the
 * `plugins:publish` scope, the one these routes are about.
 */
export async function isInsider(access: ListingAccess, caller: Caller | null, listing: PluginListing, manager?: EntityManager): Promise<boolean> {
  if (caller === null) return false;
  if (caller.via === 'token' && !caller.scopes?.includes('plugins:publish')) return false;
  if (isPluginReviewer(caller)) return true;
  return access.isMemberOf(caller, listing.partnerId, manager);
}
