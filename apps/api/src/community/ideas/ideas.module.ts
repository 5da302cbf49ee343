import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { ListingsModule } from '../../plugins/listings/listings.module.js';
import { CommunityCoreModule } from '../community-core.module.js';
import { IdeaAccess } from './idea-access.service.js';
import { IdeaBoard } from './idea-board.service.js';
import { IdeaCredits } from './idea-credits.service.js';
import { IdeaModeration } from './idea-moderation.service.js';
import { IdeaStatusFlow } from './idea-status.service.js';
import { IdeaViews } from './idea-views.service.js';
import { IdeaVotes } from './idea-votes.service.js';
import { IdeasController } from './ideas.controller.js';
import { IdeasService } from './ideas.service.js';

/** Ideas: submitting, voting, the status flow with public notes, credits on shipped ideas, moderation. */
@Module({
  imports: [CommunityCoreModule, ListingsModule, NotificationsModule],
  controllers: [IdeasController],
  providers: [IdeaAccess, IdeaViews, IdeasService, IdeaBoard, IdeaVotes, IdeaStatusFlow, IdeaCredits, IdeaModeration],
  exports: [IdeasService, IdeaVotes, IdeaStatusFlow, IdeaModeration],
})
export class IdeasModule {}
