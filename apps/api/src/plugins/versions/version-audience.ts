import type { EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import type { PluginListing } from '../entities/plugin-listing.entity.js';
import type { ListingAccess } from '../listing-access.service.js';
import { isPluginReviewer } from '../plugin-reviewers.js';

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
