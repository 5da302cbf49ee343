import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * List cursors carry the row's timestamp as a JS Date, which holds milliseconds, while PostgreSQL
 * stores microseconds: rows a page boundary falls between could be skipped or repeated. Columns
 * that cursors page through keep milliseconds, so the cursor is exact (ties fall back to the id).
 */
export class CursorPrecision1795400000006 implements MigrationInterface {
  name = 'CursorPrecision1795400000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz(3)`);
    await db.query(`ALTER TABLE api_tokens ALTER COLUMN created_at TYPE timestamptz(3)`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN occurred_at TYPE timestamptz(3)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events ALTER COLUMN occurred_at TYPE timestamptz`);
    await db.query(`ALTER TABLE api_tokens ALTER COLUMN created_at TYPE timestamptz`);
    await db.query(`ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz`);
  }
}
