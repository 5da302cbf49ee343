import { DataSource } from 'typeorm';
import { dataSourceOptions, openPglite, type DatabaseTarget } from '../../apps/api/src/platform/database/data-source-options.js';
import { migrations } from '../../apps/api/src/schema.js';
import { createTestDatabase } from '../support/app.js';
import { testServices } from '../support/services.js';

const engines: Array<[string, () => Promise<{ target: DatabaseTarget; drop(): Promise<void> }>]> = [
  ['PGlite', async () => ({ target: { pglite: openPglite() }, drop: async () => undefined })],
];
if (testServices().postgres) {
  engines.push(['PostgreSQL', async () => {
    const db = await createTestDatabase();
    return { target: { url: db.url }, drop: db.drop };
  }]);
}

describe.each(engines)('migrations on %s', (_engine, open) => {
  let source: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const opened = await open();
    drop = opened.drop;
    source = await new DataSource(dataSourceOptions(opened.target)).initialize();
  });
  afterAll(async () => {
    await source.destroy();
    await drop();
  });

  const entityTables = () => [...new Set(source.entityMetadatas.map((m) => m.tableName))].sort();
  const tables = async () =>
    (await source.query<Array<{ table_name: string }>>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`)).map((r) => r.table_name);

  it('applies every migration, and the schema then matches the entities exactly', async () => {
    const applied = await source.runMigrations();
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    // Exactly the entities' tables: none missing, none left over.
    expect(await tables()).toEqual(entityTables());
    const pending = await source.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('reverts every migration, newest first, back to an empty schema, and applies them again', async () => {
    for (let i = 0; i < migrations.length; i += 1) await source.undoLastMigration();
    expect(await tables()).toEqual([]);
    expect(await source.showMigrations()).toBe(true);
    await source.runMigrations();
    expect(await tables()).toEqual(entityTables());
  });
});
