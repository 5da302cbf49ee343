import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StripeModule } from '../stripe/stripe.module.js';
import { PartnerAccess } from './partner-access.service.js';
import { PartnerInvitationsController } from './partner-invitations.controller.js';
import { PartnerInvitationsService } from './partner-invitations.service.js';
import { PartnerMembersService } from './partner-members.service.js';
import { PartnerStripeController } from './partner-stripe.controller.js';
import { PartnerStripeService } from './partner-stripe.service.js';
import { PartnerTeamController } from './partner-team.controller.js';
import { PartnersStaffController } from './partners-staff.controller.js';
import { PartnersStaffService } from './partners-staff.service.js';
import { PartnersController } from './partners.controller.js';
import { PartnersService } from './partners.service.js';

/** Partner organisations: team, invitations, public profile, suspension and Stripe Connect onboarding state. */
@Module({
  imports: [AuditModule, IdentityModule, NotificationsModule, StripeModule],
  controllers: [PartnersController, PartnerTeamController, PartnerInvitationsController, PartnerStripeController, PartnersStaffController],
  providers: [PartnerAccess, PartnersService, PartnerMembersService, PartnerInvitationsService, PartnerStripeService, PartnersStaffService],
  exports: [PartnersService, PartnerAccess],
})
export class PartnersModule {}
