import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { ListingAccess } from '../../plugins/listing-access.service.js';
import { decodeOffsetCursor, encodeOffsetCursor, keysetPage, toPage, type Page } from '../../platform/http/pagination.js';
import { isModerator } from '../community-staff.js';
import { Question } from '../entities/question.entity.js';
import { QUESTION_SEARCH_VECTOR } from '../migrations/1795400000009-community.js';
import type { QuestionListQuery } from './question.dto.js';
import { QuestionViews } from './question-views.service.js';
import type { QuestionSummaryView, TagCountView } from './question.view.js';

const DEFAULT_LIMIT = 25;
/** Exactly the expression of the GIN index, so PostgreSQL uses it. websearch_to_tsquery accepts any text (stop words only: no match). */
const MATCHES = `${QUESTION_SEARCH_VECTOR} @@ websearch_to_tsquery('english', :search)`;
const RANK = `ts_rank(${QUESTION_SEARCH_VECTOR}, websearch_to_tsquery('english', :search))`;

/** The Q&A list: filters, the three orders, full-text search (best match first) and the tag cloud. */
@Injectable()
export class QuestionListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: QuestionViews,
    private readonly listings: ListingAccess,
  ) {}

  async list(viewer: Caller | null, query: QuestionListQuery): Promise<Page<QuestionSummaryView>> {
    const qb = this.db.getRepository(Question).createQueryBuilder('q');
    // Hidden questions are listed only to moderators and to their author (who sees the reason).
    if (!isModerator(viewer)) qb.where(new Brackets((w) => w.where('q.hidden_at IS NULL').orWhere('q.author_id = :viewer', { viewer: viewer?.userId ?? null })));
    if (query.tag) qb.andWhere('q.tags @> ARRAY[:tag]::text[]', { tag: query.tag });
    if (query.author) qb.andWhere('q.author_id = :author', { author: query.author });
    if (query.listing) qb.andWhere('q.listing_id = :listingId', { listingId: await this.listings.visibleId(viewer, query.listing) });
    if (query.sort === 'unanswered') qb.andWhere('q.answer_count = 0 AND q.accepted_answer_id IS NULL');
    if (query.q) return this.search(viewer, qb, query.q, query);

    const column = query.sort === 'active' ? 'lastActivityAt' : 'createdAt';
    const limit = keysetPage(qb, query, { column, defaultLimit: DEFAULT_LIMIT });
    const rows = await qb.getMany();
    const page = toPage(rows, limit, (row) => row, (row) => ({ createdAt: row[column], id: row.id }));
    return { items: await this.views.summaries(viewer, page.items), nextCursor: page.nextCursor };
  }

  /** Ranked results have no stable key to resume from, so their cursor is an offset. */
  private async search(viewer: Caller | null, qb: SelectQueryBuilder<Question>, q: string, query: QuestionListQuery): Promise<Page<QuestionSummaryView>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = decodeOffsetCursor(query.cursor, 10_000);
    qb.andWhere(MATCHES, { search: q })
      .orderBy(RANK, 'DESC')
      .addOrderBy('q.created_at', 'DESC')
      .addOrderBy('q.id', 'DESC')
      .offset(offset)
      .limit(limit + 1);
    const rows = await qb.getMany();
    const items = await this.views.summaries(viewer, rows.slice(0, limit));
    return { items, nextCursor: rows.length > limit ? encodeOffsetCursor(offset + limit) : null };
  }

  /** The most used tags among visible questions. */
  async tags(): Promise<TagCountView[]> {
    const rows = await this.db.query<Array<{ tag: string; count: string }>>(
      `SELECT tag, count(*) AS count FROM questions, unnest(tags) AS tag WHERE hidden_at IS NULL GROUP BY tag ORDER BY count(*) DESC, tag ASC LIMIT 50`,
    );
    return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
  }
}
