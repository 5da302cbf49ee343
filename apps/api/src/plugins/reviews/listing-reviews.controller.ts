import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { PageQuery } from '../../platform/http/pagination.js';
import { ReviewDeskService } from './review-desk.service.js';
import { ListingReviewsParams } from './review.dto.js';
import { ListingReviewPage } from './review.view.js';

@ApiTags('plugins')
@Controller('plugins/:namespace/:plugin/reviews')
export class ListingReviewsController {
  constructor(private readonly desk: ReviewDeskService) {}

  @Get()
  @Access.member()
  @ApiOkResponse({ type: ListingReviewPage, description: 'The listing’s reviews, newest first, with states, the reviewers’ messages and history (reviewers are not named).' })
  @ApiForbiddenResponse({ description: 'PARTNER_ACCESS_DENIED or PARTNER_ROLE_REQUIRED: members of the listing’s partner only' })
  @ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND or LISTING_NOT_FOUND' })
  list(@CurrentCaller() caller: Caller, @Param() params: ListingReviewsParams, @Query() query: PageQuery): Promise<ListingReviewPage> {
    return this.desk.forListing(caller, params.namespace, params.plugin, query);
  }
}
