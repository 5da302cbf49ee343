import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { ListingAccess } from '../../plugins/listing-access.service.js';
import type { CommentView } from '../comments/comment.view.js';
import { CommentsService } from '../comments/comments.service.js';
import { CommunityError } from '../community.errors.js';
import { isModerator } from '../community-staff.js';
import { Idea } from '../entities/idea.entity.js';
import { PostingLimits } from '../posting-limits.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import type { RevisionView } from '../revisions/revision.view.js';
import { IdeaAccess } from './idea-access.service.js';
import { IdeaViews } from './idea-views.service.js';
import type { CreateIdeaDto, UpdateIdeaDto } from './idea.dto.js';
import type { IdeaView } from './idea.view.js';
import { visibleIdea } from './idea-records.js';

/** What a member's profile counts of their ideas (visible ones only). */
export interface IdeaCounts {
  /** Ideas they submitted. */
  ideas: number;
  /** Shipped ideas they are credited on, as author or as a contributor whose comment shaped it. */
  ideasShipped: number;
}

/** Submitting, editing, reading and commenting on ideas. */
@Injectable()
export class IdeasService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: IdeaViews,
    private readonly listings: ListingAccess,
    private readonly revisions: RevisionsService,
    private readonly comments: CommentsService,
    private readonly limits: PostingLimits,
  ) {}

  create(caller: Caller, input: CreateIdeaDto): Promise<IdeaView> {
    return this.db.transaction(async (tx) => {
      await this.limits.check(tx, caller, 'post');
      const listingId = input.listing ? await this.listings.visibleId(caller, input.listing, tx) : null;
      const idea = await tx.getRepository(Idea).save(
        tx.getRepository(Idea).create({ authorId: caller.userId, title: input.title, body: input.body, listingId, status: 'open', hiddenAt: null, hiddenBy: null, hiddenReason: null }),
      );
      await this.revisions.record(tx, 'idea', idea.id, caller.userId, { title: idea.title, body: idea.body });
      return this.views.detail(caller, idea, tx);
    });
  }

  async get(viewer: Caller | null, id: string): Promise<IdeaView> {
    const manager = this.db.manager;
    return this.views.detail(viewer, await visibleIdea(manager, viewer, id), manager);
  }

  /** Its author or a moderator edits the title or body; every version stays in the history. */
  edit(caller: Caller, id: string, input: UpdateIdeaDto): Promise<IdeaView> {
    return this.db.transaction(async (tx) => {
      const idea = await visibleIdea(tx, caller, id, { lock: true });
      if (idea.authorId !== caller.userId && !isModerator(caller)) throw new CommunityError('EDIT_FORBIDDEN', 'Only the author of an idea (or a moderator) may edit it.');
      const title = input.title ?? idea.title;
      const body = input.body ?? idea.body;
      if (title !== idea.title || body !== idea.body) {
        Object.assign(idea, { title, body, editedAt: new Date() });
        await tx.getRepository(Idea).save(idea);
        await this.revisions.record(tx, 'idea', id, caller.userId, { title, body });
      }
      return this.views.detail(caller, idea, tx);
    });
  }

  async history(viewer: Caller | null, id: string): Promise<RevisionView[]> {
    await visibleIdea(this.db.manager, viewer, id);
    return this.revisions.list('idea', id);
  }

  comment(caller: Caller, id: string, body: string): Promise<CommentView> {
    return this.db.transaction(async (tx) => {
      const idea = await visibleIdea(tx, caller, id, { lock: true });
      IdeaAccess.assertShown(idea, 'comment on it');
      return this.comments.add(tx, caller, 'idea', id, body);
    });
  }

  /** For member profiles and badges: the member's visible ideas, and the shipped ones they are credited on. */
  async countsFor(userId: string, manager: EntityManager = this.db.manager): Promise<IdeaCounts> {
    const rows = await manager.query<Array<{ ideas: string; shipped: string }>>(
      `SELECT (SELECT count(*) FROM ideas WHERE author_id = $1 AND hidden_at IS NULL) AS ideas,
              (SELECT count(*) FROM idea_credits c JOIN ideas i ON i.id = c.idea_id
                WHERE c.user_id = $1 AND i.status = 'shipped' AND i.hidden_at IS NULL) AS shipped`,
      [userId],
    );
    return { ideas: Number(rows[0]?.ideas ?? 0), ideasShipped: Number(rows[0]?.shipped ?? 0) };
  }
}
