import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Members' reports of community content (the moderation queue), and the index posting limits count comments by. */
export class CommunityReports1795400000010 implements MigrationInterface {
  name = 'CommunityReports1795400000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE community_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_type text NOT NULL CONSTRAINT community_reports_content_type_check CHECK (content_type IN ('question', 'answer', 'comment', 'idea')),
        content_id uuid NOT NULL,
        reporter_id uuid NOT NULL CONSTRAINT fk_community_reports_reporter REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL CONSTRAINT community_reports_reason_check CHECK (reason IN ('spam', 'abuse', 'off_topic', 'other')),
        note text,
        status text NOT NULL DEFAULT 'open' CONSTRAINT community_reports_status_check CHECK (status IN ('open', 'actioned', 'dismissed')),
        resolved_by uuid CONSTRAINT fk_community_reports_resolved_by REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz(3),
        resolution_note text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One open report per member and content; once resolved, the member may report it again.
    await db.query(`CREATE UNIQUE INDEX ux_community_reports_open_reporter ON community_reports (content_type, content_id, reporter_id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX ix_community_reports_status_created_at ON community_reports (status, created_at)`);
    await db.query(`CREATE INDEX ix_community_reports_content_type_content_id ON community_reports (content_type, content_id)`);
    await db.query(`CREATE INDEX ix_community_comments_author_id_created_at ON community_comments (author_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_community_comments_author_id_created_at`);
    await db.query(`DROP TABLE community_reports`);
  }
}
