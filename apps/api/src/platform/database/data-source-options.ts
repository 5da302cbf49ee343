import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import type { DataSourceOptions } from 'typeorm';
import { entities, migrations } from '../../schema.js';
import type { GuildConfig } from '../config/guild-config.js';
import { pgliteDriver } from './pglite-pool.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export type DatabaseTarget = { url: string } | { pglite: PGlite };

/** Where the data lives: PostgreSQL when DATABASE_URL is set, else PGlite under GUILD_DATA_DIR/db. */
export function databaseTarget(config: Pick<GuildConfig, 'databaseUrl' | 'dataDir'>): DatabaseTarget {
  if (config.databaseUrl) return { url: config.databaseUrl };
  if (config.dataDir === 'memory://') return { pglite: openPglite() };
  const dir = join(config.dataDir, 'db');
  mkdirSync(dir, { recursive: true });
  return { pglite: openPglite(dir) };
}

/** PGlite with int8 read as a string, as `pg` reads it, so money never passes through a float or BigInt. */
export function openPglite(dataDir?: string): PGlite {
  return new PGlite({ dataDir, parsers: { [types.INT8]: (value: string) => value } });
}

export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    ...('url' in target ? { url: target.url } : { driver: pgliteDriver(target.pglite), database: 'postgres' }),
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    parseInt8: false,
  };
}
