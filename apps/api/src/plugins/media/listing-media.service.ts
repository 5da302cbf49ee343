import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { validationFailed } from '../../platform/http/validation.pipe.js';
import { PluginListing } from '../entities/plugin-listing.entity.js';
import { OPEN_REVIEW_STATUSES } from '../entities/plugin-review.entity.js';
import { LISTING_LIMITS, type MediaRef } from '../listing-details.js';
import { ListingViews } from '../listings/listing-views.service.js';
import type { ListingView } from '../listings/listing.view.js';
import { ListingsService } from '../listings/listings.service.js';
import { readUpload } from '../multipart-upload.js';
import { PluginError } from '../plugins.errors.js';
import { BlobStore } from '../storage/blob-store.js';
import { ICON_RULES, inspectImage, mediaTooLarge, SCREENSHOT_RULES, sniff, type ImageType } from './image-check.js';

const ONE_LINE = /^[^\p{Cc}]*$/u;

/** A listing's images: the icon and the screenshots in its draft, and serving them to browsers. */
@Injectable()
export class ListingMediaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly listings: ListingsService,
    private readonly views: ListingViews,
    private readonly blobs: BlobStore,
  ) {}

  async setIcon(caller: Caller, namespace: string, plugin: string, request: FastifyRequest): Promise<ListingView> {
    // Who may upload is settled before a byte of the file is read.
    await this.listings.requirePublisher(caller, namespace, plugin);
    const upload = await readUpload(request, { field: 'file', maxBytes: ICON_RULES.maxBytes, tooLarge: () => mediaTooLarge(ICON_RULES) });
    const image = inspectImage(upload.data, ICON_RULES);
    return this.db.transaction(async (tx) => {
      const { listing } = await this.listings.requirePublisher(caller, namespace, plugin, { tx, lock: true });
      const icon: MediaRef = { sha256: await this.blobs.put('media', upload.data), ...image };
      if (listing.draft.icon?.sha256 !== icon.sha256) {
        listing.draft = { ...listing.draft, icon };
        await tx.getRepository(PluginListing).save(listing);
        await this.listings.record(tx, caller, 'plugin_listing.edited', listing, { changed: ['icon'], sha256: icon.sha256 });
      }
      return this.views.one(listing, 'insider', tx);
    });
  }

  /** Adds a screenshot at the end (a `caption` field may come before the file). The same image twice is one screenshot. */
  async addScreenshot(caller: Caller, namespace: string, plugin: string, request: FastifyRequest): Promise<ListingView> {
    const { listing: before } = await this.listings.requirePublisher(caller, namespace, plugin);
    assertRoom(before.draft.screenshots.length);
    const upload = await readUpload(request, { field: 'file', maxBytes: SCREENSHOT_RULES.maxBytes, tooLarge: () => mediaTooLarge(SCREENSHOT_RULES) });
    const caption = checkCaption(upload.fields.caption);
    const image = inspectImage(upload.data, SCREENSHOT_RULES);
    return this.db.transaction(async (tx) => {
      const { listing } = await this.listings.requirePublisher(caller, namespace, plugin, { tx, lock: true });
      const sha256 = BlobStore.digest(upload.data);
      if (!listing.draft.screenshots.some((shot) => shot.sha256 === sha256)) {
        assertRoom(listing.draft.screenshots.length);
        await this.blobs.put('media', upload.data);
        listing.draft = { ...listing.draft, screenshots: [...listing.draft.screenshots, { sha256, ...image, caption }] };
        await tx.getRepository(PluginListing).save(listing);
        await this.listings.record(tx, caller, 'plugin_listing.edited', listing, { changed: ['screenshots'], added: sha256 });
      }
      return this.views.one(listing, 'insider', tx);
    });
  }

  async removeScreenshot(caller: Caller, namespace: string, plugin: string, sha256: string): Promise<ListingView> {
    return this.db.transaction(async (tx) => {
      const { listing } = await this.listings.requirePublisher(caller, namespace, plugin, { tx, lock: true });
      const remaining = listing.draft.screenshots.filter((shot) => shot.sha256 !== sha256);
      if (remaining.length === listing.draft.screenshots.length) throw new PluginError('MEDIA_NOT_FOUND', 'The draft has no screenshot with this sha256.');
      listing.draft = { ...listing.draft, screenshots: remaining };
      await tx.getRepository(PluginListing).save(listing);
      // The bytes stay: the public copy, an open review or another listing may show the same image.
      await this.listings.record(tx, caller, 'plugin_listing.edited', listing, { changed: ['screenshots'], removed: sha256 });
      return this.views.one(listing, 'insider', tx);
    });
  }

  /**
   * An image that some listing's draft or public copy (or a listing copy waiting for review) shows.
   * Anything else in the store — replaced, removed, never used — answers 404.
   */
  async read(sha256: string): Promise<{ data: Buffer; contentType: ImageType }> {
    const icon = JSON.stringify({ icon: { sha256 } });
    const screenshot = JSON.stringify({ screenshots: [{ sha256 }] });
    const [used] = await this.db.query<Array<{ one: number }>>(
      `SELECT 1 AS one FROM plugin_listings
        WHERE draft @> $1::jsonb OR draft @> $2::jsonb OR published @> $1::jsonb OR published @> $2::jsonb
       UNION ALL
       SELECT 1 FROM plugin_reviews
        WHERE status = ANY($3::text[]) AND (details @> $1::jsonb OR details @> $2::jsonb)
       LIMIT 1`,
      [icon, screenshot, [...OPEN_REVIEW_STATUSES]],
    );
    const data = used ? await this.blobs.get('media', sha256) : null;
    // Checked at upload; sniffed again so the type served is the bytes' own.
    const contentType = data ? sniff(data) : null;
    if (!data || !contentType) throw new PluginError('MEDIA_NOT_FOUND', 'No listing shows an image with this sha256.');
    return { data, contentType };
  }
}

function assertRoom(count: number): void {
  if (count >= LISTING_LIMITS.screenshots) {
    throw new PluginError('MEDIA_LIMIT', `A listing shows at most ${LISTING_LIMITS.screenshots} screenshots; delete one first.`, { limit: LISTING_LIMITS.screenshots });
  }
}

function checkCaption(value: string | undefined): string {
  const caption = (value ?? '').trim();
  if (caption.length > LISTING_LIMITS.captionLength || !ONE_LINE.test(caption)) {
    throw validationFailed([
      { field: 'caption', messages: [`caption must be one line of at most ${LISTING_LIMITS.captionLength} characters`] },
    ]);
  }
  return caption;
}
