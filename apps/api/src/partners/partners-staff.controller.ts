import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { PartnerView } from './partner.view.js';
import { PartnerIdParams, ReinstatePartnerDto, StaffPartnerPage, StaffPartnersQuery, SuspendPartnerDto } from './partners-staff.dto.js';
import { PartnersStaffService } from './partners-staff.service.js';

@ApiTags('staff')
@Controller('staff/partners')
export class PartnersStaffController {
  constructor(private readonly partners: PartnersStaffService) {}

  @Get()
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: StaffPartnerPage, description: 'Newest first; filter by status, search name, namespace or owner email.' })
  list(@Query() query: StaffPartnersQuery): Promise<StaffPartnerPage> {
    return this.partners.list(query);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Access.staff('admin')
  @ApiOkResponse({ type: PartnerView, description: 'Audited; the owner is notified. The public profile disappears and Stripe onboarding closes.' })
  @ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'PARTNER_STATE: already suspended' })
  suspend(@CurrentCaller() caller: Caller, @Param() params: PartnerIdParams, @Body() body: SuspendPartnerDto): Promise<PartnerView> {
    return this.partners.suspend(caller, params.id, body.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Access.staff('admin')
  @ApiOkResponse({ type: PartnerView, description: 'Audited; the owner is notified.' })
  @ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'PARTNER_STATE: not suspended' })
  reinstate(@CurrentCaller() caller: Caller, @Param() params: PartnerIdParams, @Body() body: ReinstatePartnerDto): Promise<PartnerView> {
    return this.partners.reinstate(caller, params.id, body.reason);
  }
}
