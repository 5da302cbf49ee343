import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { CommunityCoreModule } from '../community-core.module.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Members' reports of questions, answers, comments and ideas, and the moderators' queue. */
@Module({
  imports: [CommunityCoreModule, QuestionsModule, IdeasModule, NotificationsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
