import { ApiProperty } from '@nestjs/swagger';
import { ASSIGNABLE_PARTNER_ROLES, PARTNER_ROLES, type AssignablePartnerRole, type PartnerRole } from '@guild/contracts';
import { PartnerStripeStatus, PartnerView } from './partner.view.js';
import type { PartnerInvitation } from './partner-invitation.entity.js';

export class PartnerMemberView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: PARTNER_ROLES }) role: PartnerRole;
  @ApiProperty() joinedAt: string;
}

export class PartnerTeamView {
  @ApiProperty({ type: [PartnerMemberView], description: 'The team after the change, owner first.' }) members: PartnerMemberView[];
}

export class CreatedInvitationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ASSIGNABLE_PARTNER_ROLES }) role: AssignablePartnerRole;
  @ApiProperty() expiresAt: string;
}

export class PartnerInvitationView extends CreatedInvitationView {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The user who sent it' }) invitedBy: string | null;
  @ApiProperty() createdAt: string;
}

export class PartnerDashboardView {
  @ApiProperty({ type: PartnerView }) partner: PartnerView;
  @ApiProperty({ enum: PARTNER_ROLES, description: "The caller's role" }) role: PartnerRole;
  @ApiProperty({ type: [PartnerMemberView] }) members: PartnerMemberView[];
  @ApiProperty({ type: [PartnerInvitationView], description: 'Open invitations; shown to the owner only (empty for others).' }) invitations: PartnerInvitationView[];
  @ApiProperty({ type: PartnerStripeStatus }) stripe: PartnerStripeStatus;
}

class InvitedPartner {
  @ApiProperty() namespace: string;
  @ApiProperty() name: string;
}

export class InvitationDetailsView {
  @ApiProperty({ type: InvitedPartner }) partner: InvitedPartner;
  @ApiProperty({ enum: ASSIGNABLE_PARTNER_ROLES }) role: AssignablePartnerRole;
  @ApiProperty({ format: 'email', description: 'The invited address: accept while signed in with it.' }) email: string;
  @ApiProperty() expiresAt: string;
}

export function toCreatedInvitationView(invitation: PartnerInvitation): CreatedInvitationView {
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
}

export function toInvitationView(invitation: PartnerInvitation): PartnerInvitationView {
  return { ...toCreatedInvitationView(invitation), invitedBy: invitation.invitedBy, createdAt: invitation.createdAt.toISOString() };
}
