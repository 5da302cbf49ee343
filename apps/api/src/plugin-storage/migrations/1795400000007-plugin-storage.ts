import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PluginStorage1795400000007 implements MigrationInterface {
  name = 'PluginStorage1795400000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE plugin_storage_entries (
        scope text NOT NULL,
        key text COLLATE "C" NOT NULL,
        value text NOT NULL,
        bytes integer NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT plugin_storage_entries_pkey PRIMARY KEY (scope, key)
      )`);
    await db.query(`
      CREATE TABLE plugin_storage_usage (
        scope text NOT NULL CONSTRAINT plugin_storage_usage_pkey PRIMARY KEY,
        keys integer NOT NULL DEFAULT 0,
        bytes integer NOT NULL DEFAULT 0
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE plugin_storage_usage`);
    await db.query(`DROP TABLE plugin_storage_entries`);
  }
}
