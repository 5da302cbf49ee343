import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Stripe1795400000002 implements MigrationInterface {
  name = 'Stripe1795400000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stripe_events (
        id text PRIMARY KEY,
        type text NOT NULL,
        account text,
        livemode boolean NOT NULL,
        created_at timestamptz NOT NULL,
        received_at timestamptz(3) NOT NULL DEFAULT now(),
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'received' CONSTRAINT stripe_events_status_check CHECK (status IN ('received', 'processed', 'ignored', 'failed')),
        failures integer NOT NULL DEFAULT 0,
        last_error text,
        processed_at timestamptz
      )`);
    await db.query(`CREATE INDEX ix_stripe_events_status_received_at ON stripe_events (status, received_at)`);
    await db.query(`CREATE INDEX ix_stripe_events_type ON stripe_events (type)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE stripe_events`);
  }
}
