import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { PartnerRole } from '@guild/contracts';
import type { Caller } from '../identity/caller.js';
import { PartnerAccess, type PartnerMembership } from '../partners/partner-access.service.js';
import { PluginListing } from './entities/plugin-listing.entity.js';
import { isReviewer } from '../identity/reviewers.js';
import { notFound } from './plugins.errors.js';
import type { ListingRefView } from './listings/listing.view.js';

/** The partner roles that build and publish plugins. */
export const PUBLISHER_ROLES: readonly PartnerRole[] = ['owner', 'developer'];

export interface ManagedListing extends PartnerMembership {
  listing: PluginListing;
}

/** A listing the caller may see, and whether they see it from the inside (draft, every version, reports). */
export interface VisibleListing {
  listing: PluginListing;
  insider: boolean;
}

/** A listing's name for others to show, with the partner that owns it (never shown; for "by the listing's partner" marks). */
export interface ListingRef extends ListingRefView {
  partnerId: string;
}

/** Finds listings by their plugin name and checks who may act on them; every plugins service goes through it. */
@Injectable()
export class ListingAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly partners: PartnerAccess,
  ) {}

  /** `namespace/plugin`, as in the manifest and the routes. */
  static fullName(namespace: string, plugin: string): string {
    return `${namespace}/${plugin}`;
  }

  async find(namespace: string, plugin: string, options: { tx?: EntityManager; lock?: boolean } = {}): Promise<PluginListing | null> {
    const manager = options.tx ?? this.db.manager;
    return manager.getRepository(PluginListing).findOne({
      where: { name: ListingAccess.fullName(namespace, plugin) },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async require(namespace: string, plugin: string, options: { tx?: EntityManager; lock?: boolean } = {}): Promise<PluginListing> {
    const listing = await this.find(namespace, plugin, options);
    if (!listing) throw notFound.listing(ListingAccess.fullName(namespace, plugin));
    return listing;
  }

  /**
   * The listing, for a member of its partner holding one of `roles` (default: owner or developer).
   * Membership is checked before the listing is looked up, so outsiders learn nothing about drafts.
   */
  async requireManaged(
    caller: Caller,
    namespace: string,
    plugin: string,
    options: { tx?: EntityManager; lock?: boolean; roles?: readonly PartnerRole[]; active?: string } = {},
  ): Promise<ManagedListing> {
    const membership = await this.partners.requireMember(caller, namespace, options.roles ?? PUBLISHER_ROLES, { tx: options.tx, active: options.active });
    const listing = await this.require(namespace, plugin, options);
    return { ...membership, listing };
  }

  /**
   * Whether `caller` sees the partner's listings from the inside: a member in any role, or
   * reviewer/admin staff from a session. A token counts only with `plugins:publish` (the CLI), and
   * never with staff powers.
   */
  async isInsider(caller: Caller | null, partnerId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    if (!caller) return false;
    if (caller.via === 'token' && !caller.scopes?.includes('plugins:publish')) return false;
    if (isReviewer(caller)) return true;
    return (await this.partners.partnersOf(caller.userId, [partnerId], manager)).has(partnerId);
  }

  /**
   * The listing as `caller` may see it: insiders always; everyone else only a public listing of an
   * active partner. Anything else answers the same 404 as a listing that does not exist.
   */
  async visible(caller: Caller | null, namespace: string, plugin: string, manager: EntityManager = this.db.manager): Promise<VisibleListing> {
    const listing = await this.find(namespace, plugin, { tx: manager });
    const insider = listing !== null && (await this.isInsider(caller, listing.partnerId, manager));
    if (listing && !insider && listing.status === 'public') {
      const partner = (await this.partners.byIds([listing.partnerId], manager)).get(listing.partnerId);
      if (partner?.status === 'active') return { listing, insider };
    }
    if (!listing || !insider) throw notFound.listing(ListingAccess.fullName(namespace, plugin));
    return { listing, insider };
  }

  /** `visible` for a full name `namespace/plugin` (as other domains take it in their inputs); the listing's id. */
  async visibleId(caller: Caller | null, fullName: string, manager: EntityManager = this.db.manager): Promise<string> {
    const [namespace = '', plugin = ''] = fullName.split('/');
    return (await this.visible(caller, namespace, plugin, manager)).listing.id;
  }

  /**
   * References to listings by id, only those `caller` may see (the rule of `visible`): what other
   * domains show beside their content. Ids of listings the caller may not see are left out.
   */
  async refs(caller: Caller | null, ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, ListingRef>> {
    const result = new Map<string, ListingRef>();
    if (ids.length === 0) return result;
    const listings = await manager.getRepository(PluginListing).findBy({ id: In([...new Set(ids)]) });
    const partners = await this.partners.byIds(listings.map((listing) => listing.partnerId), manager);
    const insiderOf = new Map<string, boolean>();
    for (const listing of listings) {
      const open = listing.status === 'public' && partners.get(listing.partnerId)?.status === 'active';
      if (!open && !insiderOf.has(listing.partnerId)) insiderOf.set(listing.partnerId, await this.isInsider(caller, listing.partnerId, manager));
      if (open || insiderOf.get(listing.partnerId)) {
        result.set(listing.id, { name: listing.name, displayName: listing.published?.displayName ?? listing.draft.displayName, partnerId: listing.partnerId });
      }
    }
    return result;
  }
}
