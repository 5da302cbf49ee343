import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { PartnerInvitationsService } from './partner-invitations.service.js';
import { PartnerMembersService } from './partner-members.service.js';
import { CreatedInvitationView, PartnerTeamView } from './partner-team.view.js';
import { ChangeMemberRoleDto, CreateInvitationDto, InvitationParams, MemberParams, NamespaceParams, TransferOwnershipDto } from './partners.dto.js';

@ApiTags('partners')
@Controller('partners/:namespace')
@ApiForbiddenResponse({ description: 'PARTNER_ACCESS_DENIED (not a member) or PARTNER_ROLE_REQUIRED' })
@ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND, MEMBER_NOT_FOUND or INVITATION_NOT_FOUND' })
export class PartnerTeamController {
  constructor(
    private readonly members: PartnerMembersService,
    private readonly invitations: PartnerInvitationsService,
  ) {}

  @Post('invitations')
  @Access.member()
  @ApiCreatedResponse({ type: CreatedInvitationView, description: 'Owner only. Emails a single-use link valid for 7 days; the token is only in that email.' })
  @ApiConflictResponse({ description: 'ALREADY_MEMBER or INVITATION_PENDING' })
  invite(@CurrentCaller() caller: Caller, @Param() params: NamespaceParams, @Body() body: CreateInvitationDto): Promise<CreatedInvitationView> {
    return this.invitations.create(caller, params.namespace, body);
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @Access.member()
  @ApiNoContentResponse({ description: 'Owner only. Revoked: the link no longer works.' })
  @ApiConflictResponse({ description: 'INVITATION_USED' })
  revokeInvitation(@CurrentCaller() caller: Caller, @Param() params: InvitationParams): Promise<void> {
    return this.invitations.revoke(caller, params.namespace, params.id);
  }

  @Put('members/:userId')
  @Access.member()
  @ApiOkResponse({ type: PartnerTeamView, description: 'Owner only. The owner role moves only by transfer.' })
  @ApiConflictResponse({ description: 'OWNER_PROTECTED: the owner cannot be demoted' })
  changeRole(@CurrentCaller() caller: Caller, @Param() params: MemberParams, @Body() body: ChangeMemberRoleDto): Promise<PartnerTeamView> {
    return this.members.changeRole(caller, params.namespace, params.userId, body.role);
  }

  @Delete('members/:userId')
  @HttpCode(204)
  @Access.member()
  @ApiNoContentResponse({ description: 'The owner removes a member, or a member leaves.' })
  @ApiConflictResponse({ description: 'OWNER_PROTECTED: the owner cannot leave or be removed' })
  removeMember(@CurrentCaller() caller: Caller, @Param() params: MemberParams): Promise<void> {
    return this.members.remove(caller, params.namespace, params.userId);
  }

  @Post('transfer-ownership')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: PartnerTeamView, description: 'Owner only. The target must be a member; the old owner becomes a developer.' })
  @ApiConflictResponse({ description: 'OWNER_PROTECTED: transferring to yourself' })
  transfer(@CurrentCaller() caller: Caller, @Param() params: NamespaceParams, @Body() body: TransferOwnershipDto): Promise<PartnerTeamView> {
    return this.members.transferOwnership(caller, params.namespace, body.userId);
  }
}
