import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import type { PluginListing } from '../entities/plugin-listing.entity.js';
import { PluginReviewEvent } from '../entities/plugin-review-event.entity.js';
import { OPEN_REVIEW_STATUSES, PluginReview } from '../entities/plugin-review.entity.js';
import type { PluginVersion } from '../entities/plugin-version.entity.js';
import { ListingAccess } from '../listing-access.service.js';
import { notFound, PluginError } from '../plugins.errors.js';
import { PublisherNotices } from '../publisher-notices.service.js';
import { assertReviewer } from '../../identity/reviewers.js';
import { versionStatus, type VersionView } from './version.view.js';
import { VersionsRepository } from './versions.repository.js';
import { VersionsService } from './versions.service.js';

interface Locked {
  listing: PluginListing;
  version: PluginVersion;
  review: PluginReview;
}

type Change = (tx: EntityManager, locked: Locked) => Promise<{ action: string; details?: Record<string, unknown> }>;

/**
 * What happens to a version after upload: the partner withdraws it from the queue, deprecates or
 * yanks it once published (and undoes that); staff yank it for security. Each change runs in one
 * transaction with the version row locked, leaves an audit record, and refuses to repeat itself
 * (VERSION_STATE), so a retried request never changes anything twice.
 */
@Injectable()
export class VersionLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly listings: ListingAccess,
    private readonly versions: VersionsRepository,
    private readonly reader: VersionsService,
    private readonly audit: AuditService,
    private readonly notices: PublisherNotices,
  ) {}

  withdraw(caller: Caller, namespace: string, plugin: string, version: string): Promise<VersionView> {
    return this.asPartner(caller, namespace, plugin, version, async (tx, { version: row, review }) => {
      if (!OPEN_REVIEW_STATUSES.includes(review.status)) {
        throw state(row, review, `only a version waiting for review (or in review) can be withdrawn; this one is ${versionStatus(review.status)}`);
      }
      review.status = 'withdrawn';
      await tx.getRepository(PluginReview).save(review);
      await tx.getRepository(PluginReviewEvent).insert({ reviewId: review.id, actorId: caller.userId, action: 'withdrawn', message: null });
      return { action: 'plugin_version.withdrawn', details: { reviewId: review.id } };
    });
  }

  deprecate(caller: Caller, namespace: string, plugin: string, version: string, message: string): Promise<VersionView> {
    return this.asPartner(caller, namespace, plugin, version, async (tx, { version: row, review }) => {
      requirePublished(row, review);
      if (row.deprecatedAt) throw state(row, review, 'it is already deprecated; undeprecate it first to change the message');
      Object.assign(row, { deprecatedAt: new Date(), deprecationMessage: message });
      await this.versions.save(tx, row);
      return { action: 'plugin_version.deprecated', details: { message } };
    });
  }

  undeprecate(caller: Caller, namespace: string, plugin: string, version: string): Promise<VersionView> {
    return this.asPartner(caller, namespace, plugin, version, async (tx, { version: row, review }) => {
      if (!row.deprecatedAt) throw state(row, review, 'it is not deprecated');
      Object.assign(row, { deprecatedAt: null, deprecationMessage: null });
      await this.versions.save(tx, row);
      return { action: 'plugin_version.undeprecated' };
    });
  }

  yank(caller: Caller, namespace: string, plugin: string, version: string, reason: string): Promise<VersionView> {
    return this.asPartner(caller, namespace, plugin, version, async (tx, { version: row, review }) => {
      requirePublished(row, review);
      if (row.yankedAt) throw state(row, review, `it is already yanked${row.yankedByStaff ? ' (by Guild staff)' : ''}`);
      Object.assign(row, { yankedAt: new Date(), yankReason: reason, yankedBy: caller.userId, yankedByStaff: false });
      await this.versions.save(tx, row);
      return { action: 'plugin_version.yanked', details: { reason } };
    });
  }

  unyank(caller: Caller, namespace: string, plugin: string, version: string): Promise<VersionView> {
    return this.asPartner(caller, namespace, plugin, version, async (tx, { version: row, review }) => {
      if (!row.yankedAt) throw state(row, review, 'it is not yanked');
      if (row.yankedByStaff) throw state(row, review, 'Guild staff yanked it for security; only staff can undo that (reply to their notification)');
      Object.assign(row, { yankedAt: null, yankReason: null, yankedBy: null });
      await this.versions.save(tx, row);
      return { action: 'plugin_version.unyanked' };
    });
  }

  /**
   * A security yank: also over a partner's own yank, which it then locks (the partner cannot
   * unyank it). The partner's owner and developers are told why.
   */
  staffYank(caller: Caller, namespace: string, plugin: string, version: string, reason: string): Promise<VersionView> {
    return this.asStaff(caller, namespace, plugin, version, async (tx, { listing, version: row, review }) => {
      requirePublished(row, review);
      if (row.yankedByStaff) throw state(row, review, 'Guild staff already yanked it');
      Object.assign(row, { yankedAt: row.yankedAt ?? new Date(), yankReason: reason, yankedBy: caller.userId, yankedByStaff: true });
      await this.versions.save(tx, row);
      await this.notices.send(tx, listing, {
        kind: 'plugin_version.yanked_by_staff',
        title: `${listing.name}@${row.version} was yanked by Guild`,
        body: `Guild staff yanked ${listing.name}@${row.version} for security: ${reason}\nNo one can install it any more; existing installs keep running and are told to upgrade. Publish a fixed version.`,
      });
      return { action: 'plugin_version.staff_yanked', details: { reason } };
    });
  }

  staffUnyank(caller: Caller, namespace: string, plugin: string, version: string): Promise<VersionView> {
    return this.asStaff(caller, namespace, plugin, version, async (tx, { listing, version: row, review }) => {
      if (!row.yankedAt) throw state(row, review, 'it is not yanked');
      Object.assign(row, { yankedAt: null, yankReason: null, yankedBy: null, yankedByStaff: false });
      await this.versions.save(tx, row);
      await this.notices.send(tx, listing, {
        kind: 'plugin_version.unyanked_by_staff',
        title: `${listing.name}@${row.version} can be installed again`,
        body: `Guild staff undid the yank of ${listing.name}@${row.version}; it can be installed again.`,
      });
      return { action: 'plugin_version.staff_unyanked' };
    });
  }

  /** The partner's side: owner or developer of the listing's partner. */
  private asPartner(caller: Caller, namespace: string, plugin: string, version: string, change: Change): Promise<VersionView> {
    return this.db.transaction(async (tx) => {
      const { listing } = await this.listings.requireManaged(caller, namespace, plugin, { tx });
      return this.apply(tx, caller, listing, version, change);
    });
  }

  private asStaff(caller: Caller, namespace: string, plugin: string, version: string, change: Change): Promise<VersionView> {
    assertReviewer(caller);
    return this.db.transaction(async (tx) => {
      const listing = await this.listings.require(namespace, plugin, { tx });
      return this.apply(tx, caller, listing, version, change);
    });
  }

  private async apply(tx: EntityManager, caller: Caller, listing: PluginListing, version: string, change: Change): Promise<VersionView> {
    const row = await this.versions.find(tx, listing.id, version, { lock: true });
    const review = row && (await this.versions.review(tx, row.id, { lock: true }));
    if (!row || !review) throw notFound.version(listing.name, version);
    const { action, details } = await change(tx, { listing, version: row, review });
    await this.audit.record(
      { action, actorId: caller.userId, targetType: 'plugin_version', targetId: row.id, ip: caller.ip, details: { plugin: listing.name, version: row.version, ...details } },
      tx,
    );
    return this.reader.insideView(tx, listing, row);
  }
}

function requirePublished(version: PluginVersion, review: PluginReview): void {
  if (review.status !== 'approved') throw state(version, review, `only a published version can be deprecated or yanked; this one is ${versionStatus(review.status)}`);
}

function state(version: PluginVersion, review: PluginReview, why: string): PluginError {
  return new PluginError('VERSION_STATE', `Version ${version.version} cannot change: ${why}.`, {
    status: versionStatus(review.status),
    deprecated: version.deprecatedAt !== null,
    yanked: version.yankedAt !== null,
    yankedByStaff: version.yankedByStaff,
  });
}
