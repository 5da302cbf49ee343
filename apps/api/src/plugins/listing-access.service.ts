import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PartnerRole } from '@guild/contracts';
import type { Caller } from '../identity/caller.js';
import { PartnerAccess, type PartnerMembership } from '../partners/partner-access.service.js';
import { PluginListing } from './entities/plugin-listing.entity.js';
import { PluginError } from './plugins.errors.js';

/** The partner roles that build and publish plugins. */
export const PUBLISHER_ROLES: readonly PartnerRole[] = ['owner', 'developer'];

export interface ManagedListing extends PartnerMembership {
  listing: PluginListing;
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
    if (!listing) throw new PluginError('LISTING_NOT_FOUND', `No listing is called ${ListingAccess.fullName(namespace, plugin)}.`);
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
    options: { tx?: EntityManager; lock?: boolean; roles?: readonly PartnerRole[] } = {},
  ): Promise<ManagedListing> {
    const membership = await this.partners.requireMember(caller, namespace, options.roles ?? PUBLISHER_ROLES, { tx: options.tx });
    const listing = await this.require(namespace, plugin, options);
    return { ...membership, listing };
  }

  /** Whether the caller belongs to the partner that owns `partnerId` (any role). */
  async isMemberOf(caller: Caller, partnerId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const [row] = await manager.query<Array<{ one: number }>>(`SELECT 1 AS one FROM partner_members WHERE partner_id = $1 AND user_id = $2`, [partnerId, caller.userId]);
    return row !== undefined;
  }
}
