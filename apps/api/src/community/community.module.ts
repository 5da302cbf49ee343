import { Module } from '@nestjs/common';
import { CommunityCoreModule } from './community-core.module.js';
import { CommunityDemo } from './community-demo.service.js';
import { CreditModule } from './credit/credit.module.js';
import { IdeasModule } from './ideas/ideas.module.js';
import { QuestionsModule } from './questions/questions.module.js';
import { ReportsModule } from './reports/reports.module.js';

/** Community and credit: questions and answers, ideas, the contribution log, badges, leaderboards, advocates. */
@Module({
  imports: [CommunityCoreModule, QuestionsModule, IdeasModule, CreditModule, ReportsModule],
  providers: [CommunityDemo],
  exports: [CommunityDemo],
})
export class CommunityModule {}
