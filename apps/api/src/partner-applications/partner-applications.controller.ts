import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { ApplicationIdParams, CreateApplicationDto, NamespaceCheckQuery, UpdateApplicationDto } from './partner-application.dto.js';
import { ApplicationList, ApplicationView, NamespaceCheckView } from './partner-application.view.js';
import { PartnerApplicationsService } from './partner-applications.service.js';

const NAMESPACE_ERRORS = 'NAMESPACE_TAKEN (a partner or an open application holds it), NAMESPACE_TOO_SIMILAR (details.similarTo)';

@ApiTags('partner-applications')
@Controller('partner-applications')
export class PartnerApplicationsController {
  constructor(private readonly applications: PartnerApplicationsService) {}

  @Get('namespace-check')
  @Access.member()
  @ApiOkResponse({ type: NamespaceCheckView, description: 'Whether the namespace could be claimed now, and why not.' })
  checkNamespace(@CurrentCaller() caller: Caller, @Query() query: NamespaceCheckQuery): Promise<NamespaceCheckView> {
    return this.applications.checkNamespace(caller, query.namespace);
  }

  @Post()
  @Access.member()
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, NAMESPACE_INVALID, NAMESPACE_RESERVED' })
  @ApiConflictResponse({ description: `APPLICATION_ALREADY_OPEN, REAPPLY_COOLDOWN (details.availableAt), ${NAMESPACE_ERRORS}` })
  apply(@CurrentCaller() caller: Caller, @Body() body: CreateApplicationDto): Promise<ApplicationView> {
    return this.applications.apply(caller, body);
  }

  @Get('mine')
  @Access.member()
  @ApiOkResponse({ type: ApplicationList })
  mine(@CurrentCaller() caller: Caller): Promise<ApplicationList> {
    return this.applications.mine(caller);
  }

  @Get(':id')
  @Access.member()
  @ApiOkResponse({ type: ApplicationView, description: 'The applicant’s own, or any for reviewers and admins (with `community`).' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND' })
  get(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParams): Promise<ApplicationView> {
    return this.applications.get(caller, params.id);
  }

  @Patch(':id')
  @Access.member()
  @ApiOkResponse({ type: ApplicationView, description: 'Only while changes are requested.' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ description: `APPLICATION_STATE, ${NAMESPACE_ERRORS}` })
  update(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParams, @Body() body: UpdateApplicationDto): Promise<ApplicationView> {
    return this.applications.update(caller, params.id, body);
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: ApplicationView, description: 'Back to the reviewers (from changes_requested).' })
  @ApiConflictResponse({ description: 'APPLICATION_STATE' })
  resubmit(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParams): Promise<ApplicationView> {
    return this.applications.resubmit(caller, params.id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: ApplicationView, description: 'From submitted or changes_requested.' })
  @ApiConflictResponse({ description: 'APPLICATION_STATE' })
  withdraw(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParams): Promise<ApplicationView> {
    return this.applications.withdraw(caller, params.id);
  }
}
