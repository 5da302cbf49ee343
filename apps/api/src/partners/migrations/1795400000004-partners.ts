import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Partners1795400000004 implements MigrationInterface {
  name = 'Partners1795400000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        namespace text NOT NULL,
        name text NOT NULL,
        website text,
        bio text,
        logo_url text,
        status text NOT NULL DEFAULT 'active' CONSTRAINT partners_status_check CHECK (status IN ('active', 'suspended')),
        suspended_reason text,
        suspended_at timestamptz,
        application_id uuid,
        stripe_account_id text,
        stripe_details_submitted boolean NOT NULL DEFAULT false,
        stripe_charges_enabled boolean NOT NULL DEFAULT false,
        stripe_payouts_enabled boolean NOT NULL DEFAULT false,
        stripe_transfers_active boolean NOT NULL DEFAULT false,
        stripe_requirements_due text[] NOT NULL DEFAULT '{}',
        stripe_requirements_deadline timestamptz,
        stripe_disabled_reason text,
        stripe_updated_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_partners_namespace UNIQUE (namespace),
        CONSTRAINT uq_partners_stripe_account_id UNIQUE (stripe_account_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX ux_partners_application_id ON partners (application_id) WHERE application_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE partner_members (
        partner_id uuid NOT NULL CONSTRAINT fk_partner_members_partner REFERENCES partners(id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT fk_partner_members_user REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT partner_members_role_check CHECK (role IN ('owner', 'developer', 'finance')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partner_id, user_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX ux_partner_members_owner ON partner_members (partner_id) WHERE role = 'owner'`);
    await db.query(`CREATE INDEX ix_partner_members_user_id ON partner_members (user_id)`);
    await db.query(`
      CREATE TABLE partner_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL CONSTRAINT fk_partner_invitations_partner REFERENCES partners(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CONSTRAINT partner_invitations_role_check CHECK (role IN ('developer', 'finance')),
        token_hash text NOT NULL,
        invited_by uuid CONSTRAINT fk_partner_invitations_invited_by REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid CONSTRAINT fk_partner_invitations_accepted_by REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_partner_invitations_token_hash UNIQUE (token_hash)
      )`);
    await db.query(`CREATE INDEX ix_partner_invitations_partner_id ON partner_invitations (partner_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_invitations`);
    await db.query(`DROP TABLE partner_members`);
    await db.query(`DROP TABLE partners`);
  }
}
