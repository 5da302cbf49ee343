import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795400000003 implements MigrationInterface {
  name = 'Notifications1795400000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_notifications_user REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await db.query(`CREATE INDEX ix_notifications_user_id_created_at ON notifications (user_id, created_at)`);
    await db.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        status text NOT NULL CONSTRAINT email_outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'held')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX ix_email_outbox_status_created_at ON email_outbox (status, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE email_outbox`);
    await db.query(`DROP TABLE notifications`);
  }
}
