import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { CommentsService } from '../comments/comments.service.js';
import { CommunityError } from '../community.errors.js';
import { assertModerator } from '../community-staff.js';
import { ContributionsService } from '../contributions/contributions.service.js';
import { IdeaCredit } from '../entities/idea-credit.entity.js';
import type { Idea } from '../entities/idea.entity.js';
import { IdeaAccess } from './idea-access.service.js';
import { CREDIT_REMOVED_REASON, ideaContent, ideaKeys } from './idea-transitions.js';
import { IdeaViews } from './idea-views.service.js';
import type { IdeaView } from './idea.view.js';
import { visibleIdea } from './idea-records.js';

/**
 * Staff credit, by name on a shipped idea, the members whose comments shaped it. The set sent
 * replaces the previous one: the newly credited earn `idea_shipped` points, those left out lose them.
 */
@Injectable()
export class IdeaCredits {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: IdeaViews,
    private readonly comments: CommentsService,
    private readonly contributions: ContributionsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async set(caller: Caller, id: string, commentIds: readonly string[]): Promise<IdeaView> {
    assertModerator(caller);
    const earners: string[] = [];
    const view = await this.db.transaction(async (tx) => {
      const idea = await visibleIdea(tx, caller, id, { lock: true });
      IdeaAccess.assertShown(idea, 'credit it');
      if (idea.status !== 'shipped') throw new CommunityError('IDEA_NOT_SHIPPED', `Contributors are credited once an idea ships; this one is ${idea.status.replace('_', ' ')}.`);
      const wanted = await this.contributorsOf(tx, idea, commentIds);
      const credits = tx.getRepository(IdeaCredit);
      const current = new Map((await credits.find({ where: { ideaId: id, role: 'contributor' } })).map((c) => [c.userId, c]));
      const removed = [...current.keys()].filter((userId) => !wanted.has(userId));
      const added = [...wanted.keys()].filter((userId) => !current.has(userId));
      const moved = [...wanted].filter(([userId, commentId]) => current.has(userId) && current.get(userId)!.commentId !== commentId);
      if (removed.length + added.length + moved.length === 0) return this.views.detail(caller, idea, tx);

      if (removed.length) await credits.delete({ ideaId: id, userId: In(removed) });
      for (const userId of removed) {
        if (await this.contributions.revoke(tx, ideaKeys.shipped(id, userId), CREDIT_REMOVED_REASON)) earners.push(userId);
      }
      for (const [userId, commentId] of moved) await credits.update({ ideaId: id, userId }, { commentId });
      for (const userId of added) {
        await credits.insert({ ideaId: id, userId, role: 'contributor', commentId: wanted.get(userId)!, creditedBy: caller.userId });
        const outcome = await this.contributions.award(tx, { key: ideaKeys.shipped(id, userId), userId, source: 'idea_shipped', content: ideaContent(id), actorId: caller.userId });
        if (outcome.outcome === 'awarded') earners.push(userId);
        await this.notifications.notify(
          {
            userId,
            kind: 'idea.credited',
            title: `You are credited on a shipped idea: ${idea.title}`.slice(0, 240),
            body: 'Your comment helped shape an idea that shipped; your name now shows on it.',
            link: `/community/ideas/${id}`,
          },
          tx,
        );
      }
      await this.audit.record(
        { action: 'community.idea.credited', actorId: caller.userId, targetType: 'idea', targetId: id, ip: caller.ip, details: { commentIds: [...commentIds], added, removed } },
        tx,
      );
      return this.views.detail(caller, idea, tx);
    });
    await this.contributions.settle(earners);
    return view;
  }

  /**
   * Contributor → the comment that earned the credit (their first in the list). Every comment must
   * be a visible comment on this idea, and none by its author (credited as author already).
   */
  private async contributorsOf(tx: EntityManager, idea: Idea, commentIds: readonly string[]): Promise<Map<string, string>> {
    const visible = new Map(((await this.comments.listFor(null, 'idea', [idea.id], tx)).get(idea.id) ?? []).map((c) => [c.id, c.author.id]));
    const unknown = commentIds.filter((commentId) => !visible.has(commentId));
    if (unknown.length) {
      throw new CommunityError('IDEA_CREDIT_INVALID', `Only visible comments on this idea can earn credit; these are not: ${unknown.join(', ')}.`, { commentIds: unknown });
    }
    const byAuthor = commentIds.filter((commentId) => visible.get(commentId) === idea.authorId);
    if (byAuthor.length) {
      throw new CommunityError('IDEA_CREDIT_INVALID', 'The idea’s author is credited as its author already; leave their own comments out.', { commentIds: byAuthor });
    }
    const contributors = new Map<string, string>();
    for (const commentId of commentIds) {
      const userId = visible.get(commentId)!;
      if (!contributors.has(userId)) contributors.set(userId, commentId);
    }
    return contributors;
  }
}
