import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { notFound } from '../community.errors.js';
import { assertModerator } from '../community-staff.js';
import { ContributionsService } from '../contributions/contributions.service.js';
import { Idea } from '../entities/idea.entity.js';
import { applyModeration, HIDDEN_REASON, moderationStep, type Within } from '../moderation/moderation.js';
import { ideaContent } from './idea-transitions.js';
import { IdeaViews } from './idea-views.service.js';
import type { IdeaView } from './idea.view.js';

/** Moderators hide an idea with a reason (its points are revoked) or show it again (they are awarded again). */
@Injectable()
export class IdeaModeration {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: IdeaViews,
    private readonly contributions: ContributionsService,
    private readonly audit: AuditService,
  ) {}

  /** `reason` null shows the idea again. */
  async hide(caller: Caller, id: string, reason: string | null, within?: Within): Promise<IdeaView> {
    assertModerator(caller);
    return moderationStep(this.db, this.contributions, within, async (tx, earners) => {
      const idea = await tx.getRepository(Idea).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!idea) throw notFound.idea();
      await applyModeration(tx, this.audit, caller, { type: 'idea', id, content: idea }, reason === null ? null : { reason });
      await tx.getRepository(Idea).save(idea);
      earners.push(
        ...(reason === null ? await this.contributions.restoreContent(tx, ideaContent(id), HIDDEN_REASON) : await this.contributions.revokeContent(tx, ideaContent(id), HIDDEN_REASON)),
      );
      return this.views.detail(caller, idea, tx);
    });
  }
}
