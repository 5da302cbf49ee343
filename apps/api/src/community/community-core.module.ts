import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { PartnersModule } from '../partners/partners.module.js';
import { CommentsController } from './comments/comments.controller.js';
import { CommentsService } from './comments/comments.service.js';
import { ContributionWindows } from './contributions/contribution-windows.service.js';
import { ContributionsService } from './contributions/contributions.service.js';
import { CommunityPeople } from './people/community-people.service.js';
import { PostingLimits } from './posting-limits.js';
import { RevisionsService } from './revisions/revisions.service.js';

/** What every community sub-domain shares: the points ledger, people's marks, edit history, comments. */
@Module({
  imports: [AuditModule, IdentityModule, PartnersModule],
  controllers: [CommentsController],
  providers: [ContributionsService, ContributionWindows, CommunityPeople, RevisionsService, CommentsService, PostingLimits],
  exports: [ContributionsService, ContributionWindows, CommunityPeople, RevisionsService, CommentsService, PostingLimits, AuditModule, IdentityModule, PartnersModule],
})
export class CommunityCoreModule {}
