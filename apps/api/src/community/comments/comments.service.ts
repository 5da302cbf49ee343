import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import { CommunityError, notFound } from '../community.errors.js';
import { isModerator, assertModerator, seesHidden } from '../community-staff.js';
import { CommunityComment, type CommentTarget } from '../entities/comment.entity.js';
import { hiddenView } from '../moderation/hidden.view.js';
import { applyModeration, type Within } from '../moderation/moderation.js';
import { CommunityPeople } from '../people/community-people.service.js';
import { PostingLimits } from '../posting-limits.js';
import type { MemberRefView } from '../people/member-ref.view.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import type { RevisionView } from '../revisions/revision.view.js';
import type { CommentView } from './comment.view.js';
import { visibleComment } from './visible-comment.js';

/**
 * Comments under questions, answers and ideas. Whoever owns the target (Q&A, ideas) checks that the
 * caller may see it before calling `add` or `listFor`; edits, history and moderation are here.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly revisions: RevisionsService,
    private readonly people: CommunityPeople,
    private readonly audit: AuditService,
    private readonly limits: PostingLimits,
  ) {}

  async add(tx: EntityManager, caller: Caller, targetType: CommentTarget, targetId: string, body: string): Promise<CommentView> {
    await this.limits.check(tx, caller, 'reply');
    const comment = await tx.getRepository(CommunityComment).save({ targetType, targetId, authorId: caller.userId, body, editedAt: null, hiddenAt: null, hiddenBy: null, hiddenReason: null });
    await this.revisions.record(tx, 'comment', comment.id, caller.userId, { body });
    return toView(comment, CommunityPeople.orUnknown(await this.people.refs([caller.userId], tx), caller.userId));
  }

  /** Comments of each target, oldest first; hidden ones only for their author and moderators. */
  async listFor(viewer: Caller | null, targetType: CommentTarget, targetIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, CommentView[]>> {
    const result = new Map<string, CommentView[]>(targetIds.map((id) => [id, []]));
    if (targetIds.length === 0) return result;
    const rows = await manager.getRepository(CommunityComment).find({ where: { targetType, targetId: In([...targetIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const visible = rows.filter((row) => !row.hiddenAt || seesHidden(viewer, row.authorId));
    const people = await this.people.refs(visible.map((row) => row.authorId), manager);
    for (const row of visible) result.get(row.targetId)?.push(toView(row, CommunityPeople.orUnknown(people, row.authorId)));
    return result;
  }

  /** Visible comments per target (for counts on lists). */
  async countFor(targetType: CommentTarget, targetIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, number>> {
    if (targetIds.length === 0) return new Map();
    const rows = await manager.query<Array<{ target_id: string; count: string }>>(
      `SELECT target_id, count(*) AS count FROM community_comments WHERE target_type = $1 AND target_id = ANY($2::uuid[]) AND hidden_at IS NULL GROUP BY target_id`,
      [targetType, [...targetIds]],
    );
    return new Map(rows.map((row) => [row.target_id, Number(row.count)]));
  }

  /** Its author edits (a moderator may too); the previous text stays in the history. */
  edit(caller: Caller, id: string, body: string): Promise<CommentView> {
    return this.db.transaction(async (tx) => {
      const comment = await visibleComment(tx, caller, id, { lock: true });
      if (comment.authorId !== caller.userId && !isModerator(caller)) throw new CommunityError('EDIT_FORBIDDEN', 'Only the author of a comment (or a moderator) may edit it.');
      if (comment.body === body) return this.view(tx, comment);
      Object.assign(comment, { body, editedAt: new Date() });
      await tx.getRepository(CommunityComment).save(comment);
      await this.revisions.record(tx, 'comment', id, caller.userId, { body });
      return this.view(tx, comment);
    });
  }

  async history(caller: Caller | null, id: string): Promise<RevisionView[]> {
    await visibleComment(this.db.manager, caller, id);
    return this.revisions.list('comment', id);
  }

  /** Comments earn no points, so `within` only lends its transaction. */
  hide(caller: Caller, id: string, reason: string | null, within?: Within): Promise<CommentView> {
    assertModerator(caller);
    const step = async (tx: EntityManager) => {
      const comment = await tx.getRepository(CommunityComment).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!comment) throw notFound.comment();
      await applyModeration(tx, this.audit, caller, { type: 'comment', id, content: comment }, reason === null ? null : { reason });
      await tx.getRepository(CommunityComment).save(comment);
      return this.view(tx, comment);
    };
    return within ? step(within.tx) : this.db.transaction(step);
  }

  private async view(manager: EntityManager, comment: CommunityComment): Promise<CommentView> {
    return toView(comment, CommunityPeople.orUnknown(await this.people.refs([comment.authorId], manager), comment.authorId));
  }
}

function toView(comment: CommunityComment, author: MemberRefView): CommentView {
  return {
    id: comment.id,
    targetType: comment.targetType,
    targetId: comment.targetId,
    author,
    body: comment.body,
    bodyHtml: renderMarkdown(comment.body),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    hidden: hiddenView(comment),
  };
}
