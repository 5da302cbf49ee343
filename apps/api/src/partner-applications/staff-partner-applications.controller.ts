import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { PartnerApplicationReviewService } from './partner-application-review.service.js';
import { ApplicationIdParams, ApplicationQueueQuery, ApproveApplicationDto, DecisionMessageDto } from './partner-application.dto.js';
import { ApplicationQueuePage, ApplicationView } from './partner-application.view.js';

const STATE = 'APPLICATION_STATE: only a submitted application can be decided (also when another reviewer just did)';

@ApiTags('staff')
@Controller('staff/partner-applications')
export class StaffPartnerApplicationsController {
  constructor(private readonly review: PartnerApplicationReviewService) {}

  @Get()
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ApplicationQueuePage, description: 'Oldest first, with their age; status defaults to submitted.' })
  queue(@CurrentCaller() caller: Caller, @Query() query: ApplicationQueueQuery): Promise<ApplicationQueuePage> {
    return this.review.queue(caller, query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ApplicationView, description: 'Creates the partner with the applicant as owner.' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ description: `${STATE}; NAMESPACE_TAKEN` })
  approve(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParams, @Body() body: ApproveApplicationDto): Promise<ApplicationView> {
    return this.review.approve(caller, params.id, body.message || undefined);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ApplicationView, description: 'The message is shown to the applicant.' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ description: STATE })
  reject(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParams, @Body() body: DecisionMessageDto): Promise<ApplicationView> {
    return this.review.reject(caller, params.id, body.message);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: ApplicationView, description: 'The applicant may edit and resubmit.' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ description: STATE })
  requestChanges(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParams, @Body() body: DecisionMessageDto): Promise<ApplicationView> {
    return this.review.requestChanges(caller, params.id, body.message);
  }
}
