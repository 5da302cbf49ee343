import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { ListingsModule } from '../../plugins/listings/listings.module.js';
import { CommunityCoreModule } from '../community-core.module.js';
import { AnswerAcceptanceService } from './answer-acceptance.service.js';
import { AnswerVotesService } from './answer-votes.service.js';
import { AnswersController } from './answers.controller.js';
import { AnswersService } from './answers.service.js';
import { QuestionListService } from './question-list.service.js';
import { QuestionModerationService } from './question-moderation.service.js';
import { QuestionViews } from './question-views.service.js';
import { QuestionsStaffController } from './questions-staff.controller.js';
import { QuestionsController } from './questions.controller.js';
import { QuestionsService } from './questions.service.js';

/** Questions and answers: asking, answering, helpful votes, acceptance, search, moderation. */
@Module({
  imports: [CommunityCoreModule, ListingsModule, NotificationsModule],
  controllers: [QuestionsController, AnswersController, QuestionsStaffController],
  providers: [QuestionViews, QuestionsService, AnswersService, AnswerVotesService, AnswerAcceptanceService, QuestionListService, QuestionModerationService],
  exports: [QuestionsService, AnswersService, AnswerVotesService, AnswerAcceptanceService, QuestionModerationService],
})
export class QuestionsModule {}
