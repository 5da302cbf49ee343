import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1795400000001 implements MigrationInterface {
  name = 'Audit1795400000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action text NOT NULL,
        target_type text,
        target_id text,
        ip text,
        details jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX ix_audit_events_occurred_at_id ON audit_events (occurred_at, id)`);
    await db.query(`CREATE INDEX ix_audit_events_actor_id ON audit_events (actor_id)`);
    await db.query(`CREATE INDEX ix_audit_events_action ON audit_events (action)`);
    await db.query(`CREATE INDEX ix_audit_events_target_id ON audit_events (target_id)`);
    // Append-only, enforced by the database so no code path (or hurried operator) can rewrite history.
    await db.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_append_only()`);
  }
}
