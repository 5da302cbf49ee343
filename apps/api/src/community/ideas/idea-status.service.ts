import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { CommunityError } from '../community.errors.js';
import { ContributionsService } from '../contributions/contributions.service.js';
import { IdeaCredit } from '../entities/idea-credit.entity.js';
import { IdeaStatusEvent } from '../entities/idea-status-event.entity.js';
import { Idea, type IdeaStatus } from '../entities/idea.entity.js';
import { IdeaVote } from '../entities/votes.entity.js';
import { IdeaAccess } from './idea-access.service.js';
import { canTransition, ideaContent, ideaKeys, IDEA_TRANSITIONS, UNPLANNED_REASON, type IdeaTargetStatus } from './idea-transitions.js';
import { IdeaViews } from './idea-views.service.js';
import type { IdeaView } from './idea.view.js';
import { visibleIdea } from './idea-records.js';

const STATUS_WORDS: Record<IdeaStatus, string> = {
  open: 'open',
  under_review: 'under review',
  planned: 'planned',
  shipped: 'shipped',
  declined: 'declined',
};

/**
 * Moves ideas through open → under review → planned → shipped (or declined) with a public note.
 * Planning earns the author points (taken back if the plan is dropped); shipping credits the
 * author by name and earns them points. The author and the voters are told.
 */
@Injectable()
export class IdeaStatusFlow {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: IdeaAccess,
    private readonly views: IdeaViews,
    private readonly contributions: ContributionsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async move(caller: Caller, id: string, to: IdeaTargetStatus, note: string): Promise<IdeaView> {
    const earners: string[] = [];
    const view = await this.db.transaction(async (tx) => {
      const idea = await visibleIdea(tx, caller, id, { lock: true });
      if (!(await this.access.mayMove(caller, idea, tx))) {
        throw new CommunityError(
          'IDEA_STATUS_FORBIDDEN',
          idea.listingId
            ? 'Only moderators and the owner or developers of the listing’s partner may change the status of this idea.'
            : 'Only moderators may change the status of ideas about Guild itself.',
        );
      }
      IdeaAccess.assertShown(idea, 'change its status');
      const from = idea.status;
      if (!canTransition(from, to)) {
        const allowed = IDEA_TRANSITIONS[from];
        throw new CommunityError(
          'IDEA_TRANSITION_INVALID',
          `An idea that is ${STATUS_WORDS[from]} cannot become ${STATUS_WORDS[to]}${allowed.length ? `; it can become ${allowed.map((s) => STATUS_WORDS[s]).join(' or ')}` : ' (shipped is final)'}.`,
          { from, to, allowed },
        );
      }
      const at = new Date();
      Object.assign(idea, { status: to, statusNote: note, statusChangedAt: at, statusChangedBy: caller.userId });
      await tx.getRepository(Idea).save(idea);
      await tx.getRepository(IdeaStatusEvent).insert({ ideaId: id, fromStatus: from, toStatus: to, note, actorId: caller.userId });
      earners.push(...(await this.points(tx, caller, idea, from, to)));
      await this.audit.record(
        { action: 'community.idea.status_changed', actorId: caller.userId, targetType: 'idea', targetId: id, ip: caller.ip, details: { from, to, note } },
        tx,
      );
      await this.tell(tx, caller, idea, to, note);
      return this.views.detail(caller, idea, tx);
    });
    await this.contributions.settle(earners);
    return view;
  }

  /** Points of the move; returns the members whose points changed. */
  private async points(tx: EntityManager, caller: Caller, idea: Idea, from: IdeaStatus, to: IdeaStatus): Promise<string[]> {
    const content = ideaContent(idea.id);
    const touched: string[] = [];
    if (to === 'planned') {
      const planned = await this.contributions.award(tx, { key: ideaKeys.planned(idea.id), userId: idea.authorId, source: 'idea_planned', content, actorId: caller.userId });
      if (planned.outcome === 'awarded') touched.push(idea.authorId);
    }
    if (from === 'planned' && (to === 'declined' || to === 'under_review')) {
      if (await this.contributions.revoke(tx, ideaKeys.planned(idea.id), UNPLANNED_REASON)) touched.push(idea.authorId);
    }
    if (to === 'shipped') {
      await tx
        .createQueryBuilder()
        .insert()
        .into(IdeaCredit)
        .values({ ideaId: idea.id, userId: idea.authorId, role: 'author', commentId: null, creditedBy: caller.userId })
        .orIgnore()
        .execute();
      const shipped = await this.contributions.award(tx, {
        key: ideaKeys.shipped(idea.id, idea.authorId),
        userId: idea.authorId,
        source: 'idea_shipped',
        content,
        actorId: caller.userId,
      });
      if (shipped.outcome === 'awarded') touched.push(idea.authorId);
    }
    return touched;
  }

  /** The author in-app and by email; the voters in-app. Never the mover. */
  private async tell(tx: EntityManager, caller: Caller, idea: Idea, to: IdeaStatus, note: string): Promise<void> {
    const link = `/community/ideas/${idea.id}`;
    const title = `Idea ${STATUS_WORDS[to]}: ${idea.title}`.slice(0, 240);
    if (idea.authorId !== caller.userId) {
      await this.notifications.notify({ userId: idea.authorId, kind: 'idea.status_changed', title, body: `Your idea is now ${STATUS_WORDS[to]}. ${note}`, link, email: true }, tx);
    }
    const voters = await tx.getRepository(IdeaVote).find({ where: { ideaId: idea.id }, select: { voterId: true }, order: { createdAt: 'ASC', voterId: 'ASC' } });
    for (const { voterId } of voters) {
      if (voterId === caller.userId || voterId === idea.authorId) continue;
      await this.notifications.notify({ userId: voterId, kind: 'idea.status_changed', title, body: `An idea you voted for is now ${STATUS_WORDS[to]}. ${note}`, link }, tx);
    }
  }
}
