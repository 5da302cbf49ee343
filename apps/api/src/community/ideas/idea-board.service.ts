import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { ListingAccess } from '../../plugins/listing-access.service.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import { isModerator } from '../community-staff.js';
import { Idea } from '../entities/idea.entity.js';
import { IDEA_SEARCH_VECTOR } from '../migrations/1795400000009-community.js';
import { IdeaViews } from './idea-views.service.js';
import type { IdeaListQuery } from './idea.dto.js';
import type { IdeaSummaryView } from './idea.view.js';

/** Where the votes sort stands: (voteCount, createdAt, id), all descending. */
interface VotesPosition {
  votes: number;
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A time PostgreSQL can compare (a crafted cursor could carry year 200000). */
const sane = (date: Date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999;

const invalidCursor = () => new DomainError('INVALID_CURSOR', 400, 'The cursor is not one this list gave out (with this sort); start again without it.');

function encodeVotesCursor(position: VotesPosition): string {
  return Buffer.from(JSON.stringify({ v: position.votes, at: position.at.toISOString(), id: position.id })).toString('base64url');
}

function decodeVotesCursor(cursor: string): VotesPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const { v, at, id } = (parsed ?? {}) as { v?: unknown; at?: unknown; id?: unknown };
  const date = typeof at === 'string' ? new Date(at) : new Date(NaN);
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 2 ** 31 - 1 || !sane(date) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
  return { votes: v as number, at: date, id };
}

/** When an idea last moved: its last status change, or its submission. */
const activityAt = (idea: Idea): Date => idea.statusChangedAt ?? idea.createdAt;

/** A (time, id) cursor of the newest and updated sorts; the id must be one the database can compare. */
function timeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  const position = decodeCursor(cursor);
  if (position && (!UUID.test(position.id) || !sane(position.createdAt))) throw invalidCursor();
  return position;
}

/** The ideas board: filters, full-text search and three keyset-paged sorts. */
@Injectable()
export class IdeaBoard {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly listings: ListingAccess,
    private readonly views: IdeaViews,
  ) {}

  async list(viewer: Caller | null, query: IdeaListQuery): Promise<Page<IdeaSummaryView>> {
    const manager = this.db.manager;
    const limit = query.limit ?? 25;
    const sort = query.sort ?? 'votes';
    const qb = manager.getRepository(Idea).createQueryBuilder('idea');
    // Hidden ideas: moderators see them all, authors their own; nobody else.
    if (!isModerator(viewer)) {
      qb.where(new Brackets((w) => (viewer ? w.where('idea.hiddenAt IS NULL').orWhere('idea.authorId = :viewerId', { viewerId: viewer.userId }) : w.where('idea.hiddenAt IS NULL'))));
    }
    if (query.status) qb.andWhere('idea.status = :status', { status: query.status });
    if (query.listing) qb.andWhere('idea.listingId = :listingId', { listingId: await this.listings.visibleId(viewer, query.listing, manager) });
    // The GIN index holds exactly this expression; websearch_to_tsquery accepts any text.
    if (query.q) qb.andWhere(`${IDEA_SEARCH_VECTOR} @@ websearch_to_tsquery('english', :q)`, { q: query.q });

    if (sort === 'votes') {
      qb.orderBy('idea.voteCount', 'DESC').addOrderBy('idea.createdAt', 'DESC').addOrderBy('idea.id', 'DESC');
      if (query.cursor) {
        const cursor = decodeVotesCursor(query.cursor);
        qb.andWhere('(idea.voteCount, idea.createdAt, idea.id) < (:cursorVotes, :cursorAt, :cursorId)', { cursorVotes: cursor.votes, cursorAt: cursor.at, cursorId: cursor.id });
      }
    } else if (sort === 'newest') {
      qb.orderBy('idea.createdAt', 'DESC').addOrderBy('idea.id', 'DESC');
      const cursor = timeCursor(query.cursor);
      if (cursor) qb.andWhere('(idea.createdAt, idea.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.createdAt, cursorId: cursor.id });
    } else {
      qb.orderBy('COALESCE(idea.statusChangedAt, idea.createdAt)', 'DESC').addOrderBy('idea.id', 'DESC');
      const cursor = timeCursor(query.cursor);
      if (cursor) qb.andWhere('(COALESCE(idea.statusChangedAt, idea.createdAt), idea.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.createdAt, cursorId: cursor.id });
    }
    const rows = await qb.limit(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    let nextCursor: string | null = null;
    if (rows.length > limit && last) {
      nextCursor =
        sort === 'votes'
          ? encodeVotesCursor({ votes: last.voteCount, at: last.createdAt, id: last.id })
          : encodeCursor({ createdAt: sort === 'newest' ? last.createdAt : activityAt(last), id: last.id });
    }
    return { items: await this.views.summaries(viewer, items, manager), nextCursor };
  }
}
