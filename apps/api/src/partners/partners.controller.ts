import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { PartnerDashboardView } from './partner-team.view.js';
import { MyPartnershipsView, PartnerView, PublicPartnerProfile } from './partner.view.js';
import { NamespaceParams, UpdatePartnerDto } from './partners.dto.js';
import { PartnersService } from './partners.service.js';

@ApiTags('partners')
@Controller()
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get('me/partners')
  @Access.member()
  @ApiOkResponse({ type: MyPartnershipsView, description: 'The partners the caller belongs to, with their role.' })
  mine(@CurrentCaller() caller: Caller): Promise<MyPartnershipsView> {
    return this.partners.mine(caller);
  }

  @Get('partners/:namespace')
  @Access.public()
  @ApiOkResponse({ type: PublicPartnerProfile })
  @ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND (also while the partner is suspended)' })
  profile(@Param() params: NamespaceParams): Promise<PublicPartnerProfile> {
    return this.partners.publicProfile(params.namespace);
  }

  @Get('partners/:namespace/dashboard')
  @Access.member()
  @ApiOkResponse({ type: PartnerDashboardView, description: 'For members of the partner (any role).' })
  @ApiForbiddenResponse({ description: 'PARTNER_ACCESS_DENIED: not a member' })
  @ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND' })
  dashboard(@CurrentCaller() caller: Caller, @Param() params: NamespaceParams): Promise<PartnerDashboardView> {
    return this.partners.dashboard(caller, params.namespace);
  }

  @Patch('partners/:namespace')
  @Access.member()
  @ApiOkResponse({ type: PartnerView, description: 'Owner only; only the fields sent change, null clears one.' })
  @ApiForbiddenResponse({ description: 'PARTNER_ACCESS_DENIED or PARTNER_ROLE_REQUIRED (owner)' })
  update(@CurrentCaller() caller: Caller, @Param() params: NamespaceParams, @Body() body: UpdatePartnerDto): Promise<PartnerView> {
    return this.partners.update(caller, params.namespace, body);
  }
}
