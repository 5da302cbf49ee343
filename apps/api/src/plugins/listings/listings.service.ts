import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { NAME_PATTERN } from '@guild/plugin-manifest';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import { validationFailed } from '../../platform/http/validation.pipe.js';
import { PluginListing } from '../entities/plugin-listing.entity.js';
import { OPEN_REVIEW_STATUSES, PluginReview } from '../entities/plugin-review.entity.js';
import { ListingAccess, PUBLISHER_ROLES, type ManagedListing } from '../listing-access.service.js';
import { changedFields, emptyDetails, missingFields, type ListingDetails } from '../listing-details.js';
import { PluginError } from '../plugins.errors.js';
import { openReview } from '../reviews/open-review.js';
import { ListingViews } from './listing-views.service.js';
import type { CreateListingDto, UpdateListingDto } from './listing.dto.js';
import type { ListingView } from './listing.view.js';
import { toPricing } from './pricing.dto.js';

const NAME = new RegExp(NAME_PATTERN, 'u');
const SIMPLE_FIELDS = ['displayName', 'summary', 'description', 'categories', 'supportUrl', 'privacyPolicyUrl'] as const;

/** The partner's side of a listing: creating it, editing its draft, sending changes of a public one to review. */
@Injectable()
export class ListingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ListingAccess,
    private readonly partners: PartnerAccess,
    private readonly views: ListingViews,
    private readonly audit: AuditService,
  ) {}

  /**
   * The listing, for an owner or developer of its partner while the partner is active. With
   * `lock` (inside `tx`) the listing row stays locked until `tx` ends: changes to one listing run one at a time.
   */
  requirePublisher(caller: Caller, namespace: string, plugin: string, options: { tx?: EntityManager; lock?: boolean } = {}): Promise<ManagedListing> {
    return this.access.requireManaged(caller, namespace, plugin, { ...options, active: 'change its listings' });
  }

  async create(caller: Caller, input: CreateListingDto): Promise<ListingView> {
    if (!NAME.test(input.name)) {
      throw new PluginError(
        'LISTING_NAME_INVALID',
        'The name must be "namespace/plugin" in lower case: letters, digits and single hyphens, each part starting with a letter (the plugin part 2 to 64 characters).',
        { field: 'name' },
      );
    }
    const [namespace, plugin] = input.name.split('/');
    try {
      return await this.db.transaction(async (tx) => {
        // Membership first: outsiders learn nothing about which names are taken.
        const { partner } = await this.partners.requireMember(caller, namespace, PUBLISHER_ROLES, { tx, active: 'create listings' });
        if (await this.access.find(namespace, plugin, { tx })) throw exists(input.name);
        const listings = tx.getRepository(PluginListing);
        const listing = await listings.save(
          listings.create({ partnerId: partner.id, name: input.name, status: 'draft', draft: emptyDetails(input.displayName), published: null, createdBy: caller.userId }),
        );
        await this.record(tx, caller, 'plugin_listing.created', listing, { displayName: input.displayName });
        return this.views.one(listing, 'insider', tx);
      });
    } catch (error) {
      // Two creations racing past the check meet the unique index; the loser's transaction is already rolled back.
      if (violates(error, 'ux_plugin_listings_name')) throw exists(input.name);
      throw error;
    }
  }

  async update(caller: Caller, namespace: string, plugin: string, changes: UpdateListingDto): Promise<ListingView> {
    return this.db.transaction(async (tx) => {
      const { listing } = await this.requirePublisher(caller, namespace, plugin, { tx, lock: true });
      const next: ListingDetails = { ...listing.draft };
      for (const field of SIMPLE_FIELDS) {
        const value = changes[field];
        if (value !== undefined) Object.assign(next, { [field]: value });
      }
      if (changes.pricing !== undefined) next.pricing = toPricing(changes.pricing);
      if (changes.screenshots !== undefined) next.screenshots = reorderScreenshots(listing.draft, changes.screenshots);
      const changed = changedFields(listing.draft, next);
      if (changed.length === 0) return this.views.one(listing, 'insider', tx);
      listing.draft = next;
      await tx.getRepository(PluginListing).save(listing);
      await this.record(tx, caller, 'plugin_listing.edited', listing, { changed });
      return this.views.one(listing, 'insider', tx);
    });
  }

  /** Sends the draft of a public listing to review; approval makes it the public copy. */
  async submitChanges(caller: Caller, namespace: string, plugin: string): Promise<ListingView> {
    try {
      return await this.db.transaction(async (tx) => {
        const { listing } = await this.requirePublisher(caller, namespace, plugin, { tx, lock: true });
        if (listing.status !== 'public' || !listing.published) {
          throw new PluginError('LISTING_NOT_PUBLIC', 'This listing is not public yet: its details go to review with its first version.');
        }
        if (changedFields(listing.published, listing.draft).length === 0) throw new PluginError('LISTING_UNCHANGED', 'The draft is the same as the public listing; edit it first.');
        const missing = missingFields(listing.draft);
        if (missing.length > 0) {
          throw new PluginError('LISTING_INCOMPLETE', `Fill in ${missing.join(', ')} before sending the listing to review.`, { fields: missing });
        }
        const open = await tx
          .getRepository(PluginReview)
          .createQueryBuilder('r')
          .where(`r.listingId = :id AND r.kind = 'listing' AND r.status IN (:...open)`, { id: listing.id, open: [...OPEN_REVIEW_STATUSES] })
          .getOne();
        if (open) throw pending(open.id);
        const review = await openReview(tx, { listingId: listing.id, kind: 'listing', details: listing.draft, submittedBy: caller.userId });
        await this.record(tx, caller, 'plugin_listing.submitted', listing, { reviewId: review.id });
        return this.views.one(listing, 'insider', tx);
      });
    } catch (error) {
      if (violates(error, 'ux_plugin_reviews_open_listing_change')) throw pending();
      throw error;
    }
  }

  record(tx: EntityManager, caller: Caller, action: string, listing: PluginListing, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ action, actorId: caller.userId, targetType: 'plugin_listing', targetId: listing.id, ip: caller.ip, details: { name: listing.name, ...details } }, tx);
  }
}

/** The same screenshots in a new order with new captions; anything else is refused. */
function reorderScreenshots(draft: ListingDetails, order: Array<{ sha256: string; caption: string }>): ListingDetails['screenshots'] {
  const current = new Map(draft.screenshots.map((shot) => [shot.sha256, shot]));
  const listed = new Set(order.map((entry) => entry.sha256));
  if (order.length !== current.size || listed.size !== order.length || order.some((entry) => !current.has(entry.sha256))) {
    throw validationFailed([
      { field: 'screenshots', messages: ['screenshots must list each of the listing’s current screenshots exactly once (upload or delete screenshots separately)'] },
    ]);
  }
  return order.map((entry) => ({ ...current.get(entry.sha256)!, caption: entry.caption }));
}

function violates(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === constraint;
}

const exists = (name: string) => new PluginError('LISTING_EXISTS', `A listing called ${name} already exists; choose another plugin name, or open that listing from your partner's plugins page.`, { field: 'name' });
const pending = (reviewId?: string) =>
  new PluginError('LISTING_REVIEW_PENDING', 'Changes to this listing are already waiting for review; wait for the reviewers’ decision before sending more.', reviewId ? { reviewId } : undefined);
