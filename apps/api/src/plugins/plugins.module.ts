import { Module } from '@nestjs/common';
import { ListingsModule } from './listings/listings.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { VersionsModule } from './versions/versions.module.js';

/** Publishing and review: listings, versions and their packages, the staff review desk. */
@Module({
  imports: [ListingsModule, VersionsModule, ReviewsModule],
})
export class PluginsModule {}
