import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The search expressions the GIN indexes hold; queries must use exactly these to use them. */
export const QUESTION_SEARCH_VECTOR = `to_tsvector('english', title || ' ' || body)`;
export const IDEA_SEARCH_VECTOR = `to_tsvector('english', title || ' ' || body)`;

const hidden = `
        hidden_at timestamptz,
        hidden_by uuid,
        hidden_reason text`;

export class Community1795400000009 implements MigrationInterface {
  name = 'Community1795400000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid NOT NULL CONSTRAINT fk_questions_author REFERENCES users(id) ON DELETE RESTRICT,
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        listing_id uuid CONSTRAINT fk_questions_listing REFERENCES plugin_listings(id) ON DELETE SET NULL,
        accepted_answer_id uuid,
        answer_count integer NOT NULL DEFAULT 0,
        edited_at timestamptz,${hidden},
        last_activity_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_questions_created_at ON questions (created_at)`);
    await db.query(`CREATE INDEX ix_questions_last_activity_at ON questions (last_activity_at)`);
    await db.query(`CREATE INDEX ix_questions_listing_id_created_at ON questions (listing_id, created_at)`);
    await db.query(`CREATE INDEX ix_questions_author_id_created_at ON questions (author_id, created_at)`);
    await db.query(`CREATE INDEX ix_questions_tags ON questions USING gin (tags)`);
    await db.query(`CREATE INDEX ix_questions_search ON questions USING gin ((${QUESTION_SEARCH_VECTOR}))`);

    await db.query(`
      CREATE TABLE answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL CONSTRAINT fk_answers_question REFERENCES questions(id) ON DELETE CASCADE,
        author_id uuid NOT NULL CONSTRAINT fk_answers_author REFERENCES users(id) ON DELETE RESTRICT,
        body text NOT NULL,
        helpful_count integer NOT NULL DEFAULT 0,
        edited_at timestamptz,${hidden},
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_answers_question_id_created_at ON answers (question_id, created_at)`);
    await db.query(`CREATE INDEX ix_answers_author_id_created_at ON answers (author_id, created_at)`);
    await db.query(`ALTER TABLE questions ADD CONSTRAINT fk_questions_accepted_answer FOREIGN KEY (accepted_answer_id) REFERENCES answers(id) ON DELETE SET NULL`);

    await db.query(`
      CREATE TABLE answer_votes (
        answer_id uuid NOT NULL CONSTRAINT fk_answer_votes_answer REFERENCES answers(id) ON DELETE CASCADE,
        voter_id uuid NOT NULL CONSTRAINT fk_answer_votes_voter REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pk_answer_votes PRIMARY KEY (answer_id, voter_id)
      )`);

    await db.query(`
      CREATE TABLE ideas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid NOT NULL CONSTRAINT fk_ideas_author REFERENCES users(id) ON DELETE RESTRICT,
        title text NOT NULL,
        body text NOT NULL,
        listing_id uuid CONSTRAINT fk_ideas_listing REFERENCES plugin_listings(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'open' CONSTRAINT ideas_status_check CHECK (status IN ('open', 'under_review', 'planned', 'shipped', 'declined')),
        status_note text,
        status_changed_at timestamptz(3),
        status_changed_by uuid CONSTRAINT fk_ideas_status_changed_by REFERENCES users(id) ON DELETE SET NULL,
        vote_count integer NOT NULL DEFAULT 0,
        edited_at timestamptz,${hidden},
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_ideas_created_at ON ideas (created_at)`);
    await db.query(`CREATE INDEX ix_ideas_vote_count_created_at ON ideas (vote_count, created_at)`);
    await db.query(`CREATE INDEX ix_ideas_status_vote_count ON ideas (status, vote_count)`);
    await db.query(`CREATE INDEX ix_ideas_listing_id_created_at ON ideas (listing_id, created_at)`);
    await db.query(`CREATE INDEX ix_ideas_author_id_created_at ON ideas (author_id, created_at)`);
    await db.query(`CREATE INDEX ix_ideas_search ON ideas USING gin ((${IDEA_SEARCH_VECTOR}))`);

    await db.query(`
      CREATE TABLE idea_votes (
        idea_id uuid NOT NULL CONSTRAINT fk_idea_votes_idea REFERENCES ideas(id) ON DELETE CASCADE,
        voter_id uuid NOT NULL CONSTRAINT fk_idea_votes_voter REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pk_idea_votes PRIMARY KEY (idea_id, voter_id)
      )`);
    await db.query(`
      CREATE TABLE idea_status_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idea_id uuid NOT NULL CONSTRAINT fk_idea_status_events_idea REFERENCES ideas(id) ON DELETE CASCADE,
        from_status text NOT NULL,
        to_status text NOT NULL,
        note text,
        actor_id uuid CONSTRAINT fk_idea_status_events_actor REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_idea_status_events_idea_id_created_at ON idea_status_events (idea_id, created_at)`);
    await db.query(`
      CREATE TABLE idea_credits (
        idea_id uuid NOT NULL CONSTRAINT fk_idea_credits_idea REFERENCES ideas(id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT fk_idea_credits_user REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT idea_credits_role_check CHECK (role IN ('author', 'contributor')),
        comment_id uuid,
        credited_by uuid CONSTRAINT fk_idea_credits_credited_by REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pk_idea_credits PRIMARY KEY (idea_id, user_id)
      )`);
    await db.query(`CREATE INDEX ix_idea_credits_user_id ON idea_credits (user_id)`);

    await db.query(`
      CREATE TABLE community_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_type text NOT NULL CONSTRAINT community_comments_target_type_check CHECK (target_type IN ('question', 'answer', 'idea')),
        target_id uuid NOT NULL,
        author_id uuid NOT NULL CONSTRAINT fk_community_comments_author REFERENCES users(id) ON DELETE RESTRICT,
        body text NOT NULL,
        edited_at timestamptz,${hidden},
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_community_comments_target_type_target_id_created_at ON community_comments (target_type, target_id, created_at)`);

    await db.query(`
      CREATE TABLE content_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_type text NOT NULL CONSTRAINT content_revisions_content_type_check CHECK (content_type IN ('question', 'answer', 'idea', 'comment')),
        content_id uuid NOT NULL,
        revision integer NOT NULL,
        editor_id uuid CONSTRAINT fk_content_revisions_editor REFERENCES users(id) ON DELETE SET NULL,
        title text,
        body text NOT NULL,
        tags text[],
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX ux_content_revisions_content_type_content_id_revision ON content_revisions (content_type, content_id, revision)`);

    await db.query(`
      CREATE TABLE contribution_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_contribution_events_user REFERENCES users(id) ON DELETE RESTRICT,
        kind text NOT NULL CONSTRAINT contribution_events_kind_check CHECK (kind IN ('award', 'revocation')),
        source text NOT NULL,
        points integer NOT NULL,
        rule_version integer NOT NULL,
        award_key text NOT NULL,
        content_type text NOT NULL,
        content_id text NOT NULL,
        actor_id uuid,
        reason text,
        note text,
        capped boolean NOT NULL DEFAULT false,
        occurred_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_contribution_events_user_id_occurred_at ON contribution_events (user_id, occurred_at) INCLUDE (points)`);
    await db.query(`CREATE INDEX ix_contribution_events_user_id_source_occurred_at ON contribution_events (user_id, source, occurred_at)`);
    await db.query(`CREATE INDEX ix_contribution_events_award_key ON contribution_events (award_key)`);
    // The log is evidence (tiers are computed from it): rows are only ever added.
    await db.query(`
      CREATE FUNCTION contribution_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'contribution_events is append-only: record a revocation instead';
      END $$`);
    await db.query(`CREATE TRIGGER tr_contribution_events_append_only BEFORE UPDATE OR DELETE ON contribution_events FOR EACH ROW EXECUTE FUNCTION contribution_events_append_only()`);

    await db.query(`
      CREATE TABLE contribution_awards (
        award_key text PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT fk_contribution_awards_user REFERENCES users(id) ON DELETE RESTRICT,
        source text NOT NULL,
        content_type text NOT NULL,
        content_id text NOT NULL,
        actor_id uuid,
        active boolean NOT NULL,
        points integer NOT NULL,
        revoked_reason text,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_contribution_awards_content_type_content_id ON contribution_awards (content_type, content_id)`);
    await db.query(`CREATE INDEX ix_contribution_awards_user_id_source ON contribution_awards (user_id, source)`);

    await db.query(`
      CREATE TABLE contribution_daily (
        user_id uuid NOT NULL CONSTRAINT fk_contribution_daily_user REFERENCES users(id) ON DELETE RESTRICT,
        day date NOT NULL,
        points integer NOT NULL,
        CONSTRAINT pk_contribution_daily PRIMARY KEY (user_id, day)
      )`);
    await db.query(`CREATE INDEX ix_contribution_daily_day ON contribution_daily (day) INCLUDE (user_id, points)`);
    await db.query(`
      CREATE TABLE contribution_totals (
        user_id uuid PRIMARY KEY CONSTRAINT fk_contribution_totals_user REFERENCES users(id) ON DELETE RESTRICT,
        points integer NOT NULL DEFAULT 0,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_contribution_totals_points ON contribution_totals (points)`);

    // Each member's points over the trailing windows the leaderboards show (30 and 365 UTC days,
    // today included), moved by every ledger line and rolled forward a day at a time: a leaderboard
    // page and a rank are then index reads, whatever the size of the log.
    await db.query(`
      CREATE TABLE contribution_windows (
        window_days integer NOT NULL,
        user_id uuid NOT NULL CONSTRAINT fk_contribution_windows_user REFERENCES users(id) ON DELETE RESTRICT,
        points integer NOT NULL,
        CONSTRAINT pk_contribution_windows PRIMARY KEY (window_days, user_id)
      )`);
    await db.query(`CREATE INDEX ix_contribution_windows_ranking ON contribution_windows (window_days, points DESC, user_id)`);
    await db.query(`
      CREATE TABLE contribution_window_state (
        window_days integer PRIMARY KEY,
        as_of date NOT NULL
      )`);
    await db.query(`INSERT INTO contribution_window_state (window_days, as_of) VALUES (30, (now() AT TIME ZONE 'UTC')::date), (365, (now() AT TIME ZONE 'UTC')::date)`);

    await db.query(`
      CREATE TABLE member_badges (
        user_id uuid NOT NULL CONSTRAINT fk_member_badges_user REFERENCES users(id) ON DELETE CASCADE,
        badge text NOT NULL,
        awarded_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pk_member_badges PRIMARY KEY (user_id, badge)
      )`);
    await db.query(`
      CREATE TABLE advocate_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_advocate_invitations_user REFERENCES users(id) ON DELETE CASCADE,
        invited_by uuid CONSTRAINT fk_advocate_invitations_invited_by REFERENCES users(id) ON DELETE SET NULL,
        message text,
        record jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX ux_advocate_invitations_user_id ON advocate_invitations (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'advocate_invitations',
      'member_badges',
      'contribution_window_state',
      'contribution_windows',
      'contribution_totals',
      'contribution_daily',
      'contribution_awards',
      'contribution_events',
      'content_revisions',
      'community_comments',
      'idea_credits',
      'idea_status_events',
      'idea_votes',
      'ideas',
      'answer_votes',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION contribution_events_append_only()`);
    await db.query(`ALTER TABLE questions DROP CONSTRAINT fk_questions_accepted_answer`);
    await db.query(`DROP TABLE answers`);
    await db.query(`DROP TABLE questions`);
  }
}
