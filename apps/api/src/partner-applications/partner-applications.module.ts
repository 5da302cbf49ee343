import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CreditModule } from '../community/credit/credit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PartnersModule } from '../partners/partners.module.js';
import { PartnerApplicationReviewService } from './partner-application-review.service.js';
import { PartnerApplicationsController } from './partner-applications.controller.js';
import { PartnerApplicationsRepository } from './partner-applications.repository.js';
import { PartnerApplicationsService } from './partner-applications.service.js';
import { StaffPartnerApplicationsController } from './staff-partner-applications.controller.js';

@Module({
  imports: [AuditModule, PartnersModule, NotificationsModule, CreditModule],
  controllers: [PartnerApplicationsController, StaffPartnerApplicationsController],
  providers: [PartnerApplicationsRepository, PartnerApplicationsService, PartnerApplicationReviewService],
})
export class PartnerApplicationsModule {}
