import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { IdentityModule } from '../../identity/identity.module.js';
import { PartnersModule } from '../../partners/partners.module.js';
import { ListingsModule } from '../listings/listings.module.js';
import { ListingReviewsController } from './listing-reviews.controller.js';
import { ReviewDecisionsService } from './review-decisions.service.js';
import { ReviewDeskService } from './review-desk.service.js';
import { ReviewsRepository } from './reviews.repository.js';
import { StaffPluginReviewsController } from './staff-plugin-reviews.controller.js';

/** The staff review desk: queue, claim, decisions, time-to-decision figures; and the partner's view of its reviews. */
@Module({
  imports: [ListingsModule, AuditModule, IdentityModule, PartnersModule],
  controllers: [StaffPluginReviewsController, ListingReviewsController],
  providers: [ReviewsRepository, ReviewDeskService, ReviewDecisionsService],
})
export class ReviewsModule {}
