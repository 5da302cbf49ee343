import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Plugins1795400000008 implements MigrationInterface {
  name = 'Plugins1795400000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE plugin_listings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL CONSTRAINT fk_plugin_listings_partner REFERENCES partners(id) ON DELETE RESTRICT,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'draft' CONSTRAINT plugin_listings_status_check CHECK (status IN ('draft', 'public')),
        draft jsonb NOT NULL,
        published jsonb,
        published_at timestamptz(3),
        created_by uuid CONSTRAINT fk_plugin_listings_created_by REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX ux_plugin_listings_name ON plugin_listings (name)`);
    await db.query(`CREATE INDEX ix_plugin_listings_partner_id_created_at ON plugin_listings (partner_id, created_at)`);
    await db.query(`CREATE INDEX ix_plugin_listings_status_published_at ON plugin_listings (status, published_at)`);

    await db.query(`
      CREATE TABLE plugin_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        listing_id uuid NOT NULL CONSTRAINT fk_plugin_versions_listing REFERENCES plugin_listings(id) ON DELETE CASCADE,
        version text NOT NULL,
        sha256 text NOT NULL,
        size_bytes integer NOT NULL,
        manifest jsonb NOT NULL,
        report jsonb NOT NULL,
        readme text NOT NULL,
        changelog text,
        uploaded_by uuid CONSTRAINT fk_plugin_versions_uploaded_by REFERENCES users(id) ON DELETE SET NULL,
        published_at timestamptz,
        deprecated_at timestamptz,
        deprecation_message text,
        yanked_at timestamptz,
        yank_reason text,
        yanked_by uuid CONSTRAINT fk_plugin_versions_yanked_by REFERENCES users(id) ON DELETE SET NULL,
        yanked_by_staff boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX ux_plugin_versions_listing_id_version ON plugin_versions (listing_id, version)`);
    await db.query(`CREATE INDEX ix_plugin_versions_listing_id_created_at ON plugin_versions (listing_id, created_at)`);
    await db.query(`CREATE INDEX ix_plugin_versions_sha256 ON plugin_versions (sha256)`);

    await db.query(`
      CREATE TABLE plugin_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        listing_id uuid NOT NULL CONSTRAINT fk_plugin_reviews_listing REFERENCES plugin_listings(id) ON DELETE CASCADE,
        kind text NOT NULL,
        version_id uuid CONSTRAINT fk_plugin_reviews_version REFERENCES plugin_versions(id) ON DELETE CASCADE,
        details jsonb,
        status text NOT NULL DEFAULT 'submitted'
          CONSTRAINT plugin_reviews_status_check CHECK (status IN ('submitted', 'in_review', 'approved', 'rejected', 'changes_requested', 'withdrawn')),
        submitted_by uuid CONSTRAINT fk_plugin_reviews_submitted_by REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz(3) NOT NULL,
        claimed_by uuid CONSTRAINT fk_plugin_reviews_claimed_by REFERENCES users(id) ON DELETE SET NULL,
        claimed_at timestamptz,
        decided_by uuid CONSTRAINT fk_plugin_reviews_decided_by REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        message text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plugin_reviews_kind_check
          CHECK ((kind = 'version' AND version_id IS NOT NULL) OR (kind = 'listing' AND version_id IS NULL AND details IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX ix_plugin_reviews_status_submitted_at ON plugin_reviews (status, submitted_at)`);
    await db.query(`CREATE INDEX ix_plugin_reviews_listing_id_submitted_at ON plugin_reviews (listing_id, submitted_at)`);
    await db.query(`CREATE UNIQUE INDEX ux_plugin_reviews_version_id ON plugin_reviews (version_id) WHERE version_id IS NOT NULL`);
    // One open listing-change review per listing: a second submission replaces nothing, it is refused.
    await db.query(
      `CREATE UNIQUE INDEX ux_plugin_reviews_open_listing_change ON plugin_reviews (listing_id) WHERE kind = 'listing' AND status IN ('submitted', 'in_review')`,
    );

    await db.query(`
      CREATE TABLE plugin_review_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL CONSTRAINT fk_plugin_review_events_review REFERENCES plugin_reviews(id) ON DELETE CASCADE,
        actor_id uuid CONSTRAINT fk_plugin_review_events_actor REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL CONSTRAINT plugin_review_events_action_check
          CHECK (action IN ('submitted', 'claimed', 'released', 'approved', 'rejected', 'changes_requested', 'withdrawn')),
        message text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_plugin_review_events_review_id_created_at ON plugin_review_events (review_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE plugin_review_events`);
    await db.query(`DROP TABLE plugin_reviews`);
    await db.query(`DROP TABLE plugin_versions`);
    await db.query(`DROP TABLE plugin_listings`);
  }
}
