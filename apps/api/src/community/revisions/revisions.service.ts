import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import { ContentRevision, type RevisedContent } from '../entities/content-revision.entity.js';
import { CommunityPeople } from '../people/community-people.service.js';
import type { RevisionView } from './revision.view.js';

export interface RevisionContent {
  title?: string | null;
  body: string;
  tags?: string[] | null;
}

/** Edit history: every version of a piece of content is kept, the original as revision 1. */
@Injectable()
export class RevisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: CommunityPeople,
  ) {}

  /** Records a version; call it in the transaction that creates or edits the content (locked by the caller). */
  async record(tx: EntityManager, type: RevisedContent, contentId: string, editorId: string, content: RevisionContent): Promise<number> {
    const rows = await tx.query<Array<{ last: number | null }>>(`SELECT max(revision) AS last FROM content_revisions WHERE content_type = $1 AND content_id = $2`, [type, contentId]);
    const revision = (rows[0]?.last ?? 0) + 1;
    await tx.getRepository(ContentRevision).insert({ contentType: type, contentId, revision, editorId, title: content.title ?? null, body: content.body, tags: content.tags ?? null });
    return revision;
  }

  /** Oldest first. The caller checks the content is visible to the reader. */
  async list(type: RevisedContent, contentId: string): Promise<RevisionView[]> {
    const rows = await this.db.getRepository(ContentRevision).find({ where: { contentType: type, contentId }, order: { revision: 'ASC' } });
    const people = await this.people.refs(rows.map((r) => r.editorId));
    return rows.map((row) => ({
      revision: row.revision,
      editor: row.editorId ? CommunityPeople.orUnknown(people, row.editorId) : null,
      title: row.title,
      body: row.body,
      bodyHtml: renderMarkdown(row.body),
      tags: row.tags,
      createdAt: row.createdAt.toISOString(),
    }));
  }
}
