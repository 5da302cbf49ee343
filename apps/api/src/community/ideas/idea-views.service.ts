import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { ListingAccess } from '../../plugins/listing-access.service.js';
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import { CommentsService } from '../comments/comments.service.js';
import { isModerator } from '../community-staff.js';
import { IdeaCredit } from '../entities/idea-credit.entity.js';
import { IdeaStatusEvent } from '../entities/idea-status-event.entity.js';
import type { Idea } from '../entities/idea.entity.js';
import { IdeaVote } from '../entities/votes.entity.js';
import { hiddenView } from '../moderation/hidden.view.js';
import { CommunityPeople } from '../people/community-people.service.js';
import { IdeaAccess } from './idea-access.service.js';
import { excerpt } from '../../platform/markdown/excerpt.js';
import { IDEA_TRANSITIONS } from './idea-transitions.js';
import type { IdeaSummaryView, IdeaView } from './idea.view.js';

/** Builds idea views for a page of ideas in a few queries (people, listings, comment counts, the viewer's votes). */
@Injectable()
export class IdeaViews {
  constructor(
    private readonly people: CommunityPeople,
    private readonly listings: ListingAccess,
    private readonly comments: CommentsService,
    private readonly access: IdeaAccess,
  ) {}

  async summaries(viewer: Caller | null, ideas: readonly Idea[], manager: EntityManager): Promise<IdeaSummaryView[]> {
    if (ideas.length === 0) return [];
    const ids = ideas.map((idea) => idea.id);
    const people = await this.people.refs(
      ideas.map((idea) => idea.authorId),
      manager,
    );
    const listings = await this.listings.refs(
      viewer,
      ideas.flatMap((idea) => (idea.listingId ? [idea.listingId] : [])),
      manager,
    );
    const comments = await this.comments.countFor('idea', ids, manager);
    const voted = viewer
      ? new Set((await manager.getRepository(IdeaVote).find({ where: { voterId: viewer.userId, ideaId: In(ids) }, select: { ideaId: true } })).map((v) => v.ideaId))
      : new Set<string>();
    return ideas.map((idea) => {
      const listing = idea.listingId ? listings.get(idea.listingId) : undefined;
      return {
        id: idea.id,
        title: idea.title,
        excerpt: excerpt(idea.body),
        status: idea.status,
        statusNote: idea.statusNote,
        listing: listing ? { name: listing.name, displayName: listing.displayName } : null,
        author: CommunityPeople.orUnknown(people, idea.authorId),
        voteCount: idea.voteCount,
        voted: voted.has(idea.id),
        commentCount: comments.get(idea.id) ?? 0,
        createdAt: idea.createdAt.toISOString(),
        statusChangedAt: idea.statusChangedAt?.toISOString() ?? null,
        hidden: hiddenView(idea),
      };
    });
  }

  /** The idea page: the summary with the body, the status history, the credits, the comments and what the viewer may do. */
  async detail(viewer: Caller | null, idea: Idea, manager: EntityManager): Promise<IdeaView> {
    const [summary] = await this.summaries(viewer, [idea], manager);
    const events = await manager.getRepository(IdeaStatusEvent).find({ where: { ideaId: idea.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const credits = await manager.getRepository(IdeaCredit).find({ where: { ideaId: idea.id }, order: { createdAt: 'ASC', userId: 'ASC' } });
    credits.sort((a, b) => Number(b.role === 'author') - Number(a.role === 'author'));
    const people = await this.people.refs([...events.map((e) => e.actorId), ...credits.map((c) => c.userId)], manager);
    const comments = (await this.comments.listFor(viewer, 'idea', [idea.id], manager)).get(idea.id) ?? [];
    const moderator = isModerator(viewer);
    const shown = !idea.hiddenAt;
    const movable = shown && IDEA_TRANSITIONS[idea.status].length > 0 && (await this.access.mayMove(viewer, idea, manager));
    return {
      ...summary,
      body: idea.body,
      bodyHtml: renderMarkdown(idea.body),
      editedAt: idea.editedAt?.toISOString() ?? null,
      history: events.map((event) => ({
        from: event.fromStatus,
        to: event.toStatus,
        note: event.note,
        actor: event.actorId ? CommunityPeople.orUnknown(people, event.actorId) : null,
        at: event.createdAt.toISOString(),
      })),
      credits: credits.map((credit) => ({ member: CommunityPeople.orUnknown(people, credit.userId), role: credit.role, commentId: credit.commentId })),
      comments,
      viewer: {
        canEdit: !!viewer && (viewer.userId === idea.authorId || moderator),
        canMoveStatus: movable,
        canCredit: moderator && shown && idea.status === 'shipped',
        canModerate: moderator,
      },
    };
  }
}
