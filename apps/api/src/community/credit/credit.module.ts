import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { CommunityCoreModule } from '../community-core.module.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { ApplicantRecords } from './applicant-records.service.js';
import { BadgesJob } from './badges.job.js';
import { CreditController } from './credit.controller.js';
import { CreditRecords } from './credit-records.js';
import { CreditService } from './credit.service.js';
import { PluginCreditSubscriber } from './plugin-credit.subscriber.js';
import { StaffCreditService } from './staff-credit.service.js';

/** Leaderboards, profiles, badges (job and sweep), staff awards, advocates, and points for published plugin versions. */
@Module({
  imports: [CommunityCoreModule, NotificationsModule, QuestionsModule, IdeasModule],
  controllers: [CreditController],
  providers: [ApplicantRecords, CreditService, CreditRecords, StaffCreditService, BadgesJob, PluginCreditSubscriber],
  exports: [ApplicantRecords, CreditService, CreditRecords, BadgesJob],
})
export class CreditModule {}
