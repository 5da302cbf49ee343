import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerApplications1795400000005 implements MigrationInterface {
  name = 'PartnerApplications1795400000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        applicant_id uuid NOT NULL CONSTRAINT fk_partner_applications_applicant REFERENCES users(id) ON DELETE CASCADE,
        organisation_name text NOT NULL,
        website text,
        namespace text NOT NULL,
        plan text NOT NULL,
        links text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CONSTRAINT partner_applications_status_check CHECK (status IN ('submitted', 'changes_requested', 'approved', 'rejected', 'withdrawn')),
        decision_message text,
        decided_by uuid CONSTRAINT fk_partner_applications_decided_by REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        partner_id uuid CONSTRAINT fk_partner_applications_partner REFERENCES partners(id) ON DELETE SET NULL,
        submitted_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open application per member, and an open application holds its namespace until decided.
    await db.query(`CREATE UNIQUE INDEX ux_partner_applications_open_applicant ON partner_applications (applicant_id) WHERE status IN ('submitted', 'changes_requested')`);
    await db.query(`CREATE UNIQUE INDEX ux_partner_applications_open_namespace ON partner_applications (namespace) WHERE status IN ('submitted', 'changes_requested')`);
    await db.query(`CREATE INDEX ix_partner_applications_status_submitted_at ON partner_applications (status, submitted_at)`);
    await db.query(`CREATE INDEX ix_partner_applications_applicant_id_created_at ON partner_applications (applicant_id, created_at)`);
    await db.query(`
      CREATE TABLE partner_application_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT fk_partner_application_events_application REFERENCES partner_applications(id) ON DELETE CASCADE,
        actor_id uuid CONSTRAINT fk_partner_application_events_actor REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL CONSTRAINT partner_application_events_action_check
          CHECK (action IN ('submitted', 'changes_requested', 'resubmitted', 'approved', 'rejected', 'withdrawn', 'edited')),
        message text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_partner_application_events_application_id_created_at ON partner_application_events (application_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_application_events`);
    await db.query(`DROP TABLE partner_applications`);
  }
}
