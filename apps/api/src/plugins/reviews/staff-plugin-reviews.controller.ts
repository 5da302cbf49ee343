import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { ReviewDecisionsService } from './review-decisions.service.js';
import { ReviewDeskService } from './review-desk.service.js';
import { ApproveReviewDto, ReviewIdParams, ReviewMessageDto, ReviewQueueQuery, ReviewStatsQuery } from './review.dto.js';
import { ReviewDetailView, ReviewQueuePage, ReviewStatsView } from './review.view.js';

const DECISION_CONFLICTS =
  'REVIEW_STATE: already decided or withdrawn (also when another reviewer just decided it); REVIEW_CLAIMED: another reviewer holds it; REVIEW_NOT_CLAIMED: claim it first (admins may decide an unclaimed item)';

@ApiTags('staff')
@Controller('staff/plugin-reviews')
export class StaffPluginReviewsController {
  constructor(
    private readonly desk: ReviewDeskService,
    private readonly decisions: ReviewDecisionsService,
  ) {}

  @Get()
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ReviewQueuePage, description: 'Oldest first, with time in queue; status defaults to open (submitted and in review).' })
  queue(@CurrentCaller() caller: Caller, @Query() query: ReviewQueueQuery): Promise<ReviewQueuePage> {
    return this.desk.queue(caller, query);
  }

  @Get('stats')
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ReviewStatsView, description: 'Time from submission to decision (median, 90th percentile) of the reviews decided in the window; the open queue now.' })
  stats(@CurrentCaller() caller: Caller, @Query() query: ReviewStatsQuery): Promise<ReviewStatsView> {
    return this.desk.stats(caller, query);
  }

  @Get(':id')
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ReviewDetailView, description: 'The item in full: listing copies, manifest, validation report, README, changelog, permission and listing diffs, history.' })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  detail(@CurrentCaller() caller: Caller, @Param() params: ReviewIdParams): Promise<ReviewDetailView> {
    return this.desk.detail(caller, params.id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ReviewDetailView, description: 'Now in review, held by the caller (claiming one’s own claim again changes nothing).' })
  @ApiForbiddenResponse({ description: 'REVIEW_OWN_PARTNER: the caller belongs to the listing’s partner' })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REVIEW_CLAIMED (details.claimedBy says who); REVIEW_STATE' })
  claim(@CurrentCaller() caller: Caller, @Param() params: ReviewIdParams): Promise<ReviewDetailView> {
    return this.decisions.claim(caller, params.id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ReviewDetailView, description: 'Back in the queue at its place. The claimant or an admin; an unclaimed item is left as it is.' })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REVIEW_CLAIMED: another reviewer holds it; REVIEW_STATE' })
  release(@CurrentCaller() caller: Caller, @Param() params: ReviewIdParams): Promise<ReviewDetailView> {
    return this.decisions.release(caller, params.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ReviewDetailView, description: 'Publishes the version (a draft listing becomes public with it) or the listing change; the partner is notified.' })
  @ApiForbiddenResponse({ description: 'REVIEW_OWN_PARTNER' })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: DECISION_CONFLICTS })
  approve(@CurrentCaller() caller: Caller, @Param() params: ReviewIdParams, @Body() body: ApproveReviewDto): Promise<ReviewDetailView> {
    return this.decisions.approve(caller, params.id, body.message || undefined);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ReviewDetailView, description: 'The message (the reasons) is shown to the partner.' })
  @ApiForbiddenResponse({ description: 'REVIEW_OWN_PARTNER' })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: DECISION_CONFLICTS })
  reject(@CurrentCaller() caller: Caller, @Param() params: ReviewIdParams, @Body() body: ReviewMessageDto): Promise<ReviewDetailView> {
    return this.decisions.reject(caller, params.id, body.message);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ReviewDetailView, description: 'Ends this review; the partner uploads a new version or submits the listing again.' })
  @ApiForbiddenResponse({ description: 'REVIEW_OWN_PARTNER' })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: DECISION_CONFLICTS })
  requestChanges(@CurrentCaller() caller: Caller, @Param() params: ReviewIdParams, @Body() body: ReviewMessageDto): Promise<ReviewDetailView> {
    return this.decisions.requestChanges(caller, params.id, body.message);
  }
}
