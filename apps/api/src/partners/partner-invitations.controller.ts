import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { PartnerInvitationsService } from './partner-invitations.service.js';
import { InvitationDetailsView } from './partner-team.view.js';
import { PartnerMembershipView } from './partner.view.js';
import { InvitationTokenParams } from './partners.dto.js';

@ApiTags('partners')
@Controller('partner-invitations/:token')
@ApiNotFoundResponse({ description: 'INVITATION_NOT_FOUND: unknown or revoked' })
@ApiGoneResponse({ description: 'INVITATION_EXPIRED' })
@ApiConflictResponse({ description: 'INVITATION_USED (or ALREADY_MEMBER on accept)' })
export class PartnerInvitationsController {
  constructor(private readonly invitations: PartnerInvitationsService) {}

  @Get()
  @Access.member()
  @ApiOkResponse({ type: InvitationDetailsView })
  details(@CurrentCaller() caller: Caller, @Param() params: InvitationTokenParams): Promise<InvitationDetailsView> {
    return this.invitations.details(caller, params.token);
  }

  @Post('accept')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: PartnerMembershipView, description: 'Joined: the partner and the role taken.' })
  @ApiForbiddenResponse({ description: 'INVITATION_EMAIL_MISMATCH: signed in with another address than the invited one' })
  accept(@CurrentCaller() caller: Caller, @Param() params: InvitationTokenParams): Promise<PartnerMembershipView> {
    return this.invitations.accept(caller, params.token);
  }
}
