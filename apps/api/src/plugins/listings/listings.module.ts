import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { PartnersModule } from '../../partners/partners.module.js';
import { ListingAccess } from '../listing-access.service.js';
import { PublisherNotices } from '../publisher-notices.service.js';
import { ListingMediaController } from '../media/listing-media.controller.js';
import { ListingMediaService } from '../media/listing-media.service.js';
import { BlobStoreModule } from '../storage/blob-store.module.js';
import { ListingCatalogService } from './listing-catalog.service.js';
import { ListingViews } from './listing-views.service.js';
import { ListingsController } from './listings.controller.js';
import { ListingsService } from './listings.service.js';
import { MarkdownPreviewController } from './markdown-preview.controller.js';

/** Listings: create and edit, images, Markdown, submission of listing changes, the public catalog. */
@Module({
  imports: [AuditModule, NotificationsModule, PartnersModule, BlobStoreModule],
  controllers: [ListingsController, ListingMediaController, MarkdownPreviewController],
  providers: [ListingAccess, PublisherNotices, ListingViews, ListingsService, ListingCatalogService, ListingMediaService],
  exports: [ListingAccess, ListingViews, PublisherNotices],
})
export class ListingsModule {}
