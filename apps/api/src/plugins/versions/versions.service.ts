import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { UsersService } from '../../identity/users.service.js';
import type { PageQuery } from '../../platform/http/pagination.js';
import type { PluginListing } from '../entities/plugin-listing.entity.js';
import type { PluginReview } from '../entities/plugin-review.entity.js';
import type { PluginVersion } from '../entities/plugin-version.entity.js';
import { ListingAccess } from '../listing-access.service.js';
import { PackageStore } from '../packages/package-store.service.js';
import { notFound, PluginError } from '../plugins.errors.js';
import { isReviewer } from '../../identity/reviewers.js';
import { toVersionSummary, toVersionView, type VersionPage, type VersionView } from './version.view.js';
import { VersionsRepository } from './versions.repository.js';

export interface PackageDownload {
  filename: string;
  sha256: string;
  /** Reads the package from the store (not needed when the client already holds it: ETag). */
  read(): Promise<Buffer>;
}

interface Visible {
  listing: PluginListing;
  version: PluginVersion;
  review: PluginReview;
  insider: boolean;
}

/**
 * Reading versions. The public sees the published versions of public listings and nothing else:
 * anything it may not see answers 404, as if it did not exist.
 */
@Injectable()
export class VersionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly listings: ListingAccess,
    private readonly versions: VersionsRepository,
    private readonly packages: PackageStore,
    private readonly users: UsersService,
  ) {}

  async list(caller: Caller | null, namespace: string, plugin: string, query: PageQuery): Promise<VersionPage> {
    const manager = this.db.manager;
    const { listing, insider } = await this.listings.visible(caller, namespace, plugin, manager);
    const page = await this.versions.page(manager, listing.id, query, !insider);
    const statuses = await this.versions.reviewStatuses(manager, page.items.map((version) => version.id));
    return { items: page.items.map((version) => toVersionSummary(version, statuses.get(version.id) ?? 'submitted')), nextCursor: page.nextCursor };
  }

  async get(caller: Caller | null, namespace: string, plugin: string, version: string): Promise<VersionView> {
    const visible = await this.visibleVersion(caller, namespace, plugin, version, this.db.manager);
    return this.view(this.db.manager, visible.listing, visible.version, visible.insider, isReviewer(caller), visible.review);
  }

  /**
   * The package, for the partner's members and reviewer/admin staff; for anyone else signed in,
   * only a published, not yanked version of a public listing whose published pricing is free
   * (paid listings wait for the commerce issue's entitlements).
   */
  async download(caller: Caller, namespace: string, plugin: string, version: string): Promise<PackageDownload> {
    const { listing, version: row, insider } = await this.visibleVersion(caller, namespace, plugin, version, this.db.manager);
    if (!insider) {
      if (row.yankedAt) throw new PluginError('DOWNLOAD_FORBIDDEN', `${listing.name}@${row.version} was yanked and can no longer be downloaded; use a newer version.`);
      if (listing.published?.pricing.model !== 'free') {
        throw new PluginError('DOWNLOAD_FORBIDDEN', `${listing.name} is a paid plugin: its packages are for its partner and, once bought, for its buyers.`);
      }
    }
    const read = async () => {
      const data = await this.packages.get(row.sha256);
      if (!data) throw new Error(`the package ${row.sha256} of ${listing.name}@${row.version} is missing from the package store`);
      return data;
    };
    return { filename: `${plugin}-${row.version}.tgz`, sha256: row.sha256, read };
  }

  /** The full view of a version for its partner (after an upload or a state change), read through `manager`. */
  async insideView(manager: EntityManager, listing: PluginListing, version: PluginVersion): Promise<VersionView> {
    return this.view(manager, listing, version, true, false);
  }

  /** `showReviewers`: name the staff in the review history (reviewers see each other; partners see "a reviewer"). */
  private async view(manager: EntityManager, listing: PluginListing, version: PluginVersion, insider: boolean, showReviewers: boolean, known?: PluginReview): Promise<VersionView> {
    const review = known ?? (await this.versions.review(manager, version.id));
    if (!review) throw new Error(`version ${version.id} has no review`);
    if (!insider) return toVersionView(listing.name, version, review.status, null);
    const history = await this.versions.history(manager, review.id);
    const uploader = version.uploadedBy ? (await this.users.contacts([version.uploadedBy], manager)).get(version.uploadedBy) : undefined;
    const uploadedBy = uploader ? { id: uploader.id, displayName: uploader.displayName } : null;
    return toVersionView(listing.name, version, review.status, { review, history, uploadedBy, showReviewers });
  }

  private async visibleVersion(caller: Caller | null, namespace: string, plugin: string, version: string, manager: EntityManager): Promise<Visible> {
    const { listing, insider } = await this.listings.visible(caller, namespace, plugin, manager);
    const row = await this.versions.find(manager, listing.id, version);
    const review = row && (await this.versions.review(manager, row.id));
    if (!row || !review || (!insider && review.status !== 'approved')) {
      throw notFound.version(listing.name, version);
    }
    return { listing, version: row, review, insider };
  }
}
