import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkEntry, entryBytes, quotaExceeded, StorageError, type StorageAdapter, type StorageListPage, type StorageQuota } from '@guild/plugin-runtime';
import { DataSource, type EntityManager } from 'typeorm';

interface Usage {
  keys: number;
  bytes: number;
}

/**
 * `ctx.storage` in PostgreSQL, one scope per install.
 *
 * Locking: every write first takes the scope's `plugin_storage_usage` row FOR UPDATE (inserting it
 * with ON CONFLICT DO NOTHING when the scope is new), then checks the quota against the counters
 * in that row and writes the entry and the counters in the same transaction. Writes to one scope
 * therefore run one at a time, so concurrent invocations cannot together exceed the quota, while
 * other scopes are not blocked. Under READ COMMITTED each statement after the lock sees what the
 * previous holder committed. Plain row locks behave the same on PGlite and PostgreSQL 15, and the
 * lock order is always usage row, then entry, so writers cannot deadlock.
 */
@Injectable()
export class PostgresPluginStorage implements StorageAdapter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(scope: string, key: string): Promise<string | undefined> {
    const rows = await this.db.query<Array<{ value: string }>>(`SELECT value FROM plugin_storage_entries WHERE scope = $1 AND key = $2`, [scope, key]);
    return rows[0]?.value;
  }

  async set(scope: string, key: string, value: string, quota: StorageQuota): Promise<void> {
    checkEntry(key, value, quota);
    await this.db.transaction(async (tx) => {
      const usage = await lockUsage(tx, scope);
      const previous = await readEntry(tx, scope, key);
      await write(tx, scope, key, value, quota, usage, previous?.bytes);
    });
  }

  async increment(scope: string, key: string, by: number, quota: StorageQuota): Promise<number> {
    return this.db.transaction(async (tx) => {
      const usage = await lockUsage(tx, scope);
      const previous = await readEntry(tx, scope, key);
      const current: unknown = previous === undefined ? 0 : JSON.parse(previous.value);
      if (typeof current !== 'number') throw new StorageError('STORAGE_NOT_A_NUMBER', `storage key "${key}" does not hold a number`);
      const next = current + by;
      const value = JSON.stringify(next);
      checkEntry(key, value, quota);
      await write(tx, scope, key, value, quota, usage, previous?.bytes);
      return next;
    });
  }

  async delete(scope: string, key: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // No usage row means the scope never held a key: nothing to lock or delete.
      const locked = await tx.query<Array<{ scope: string }>>(`SELECT scope FROM plugin_storage_usage WHERE scope = $1 FOR UPDATE`, [scope]);
      if (locked.length === 0) return false;
      const entry = await readEntry(tx, scope, key);
      if (!entry) return false;
      await tx.query(`DELETE FROM plugin_storage_entries WHERE scope = $1 AND key = $2`, [scope, key]);
      await tx.query(`UPDATE plugin_storage_usage SET keys = keys - 1, bytes = bytes - $2 WHERE scope = $1`, [scope, entry.bytes]);
      return true;
    });
  }

  async list(scope: string, { prefix = '', after, limit }: { prefix?: string; after?: string; limit: number }): Promise<StorageListPage> {
    // `left(...)` rather than LIKE, so `%` and `_` in a prefix are plain characters; `key >= prefix`
    // only narrows the index range. Keys are COLLATE "C": byte order, as MemoryStorage sorts.
    const rows = await this.db.query<Array<{ key: string }>>(
      `SELECT key FROM plugin_storage_entries
        WHERE scope = $1 AND key >= $2 AND left(key, length($2)) = $2 AND ($3::text IS NULL OR key > $3)
        ORDER BY key LIMIT $4`,
      [scope, prefix, after ?? null, limit + 1],
    );
    const keys = rows.slice(0, limit).map((row) => row.key);
    return rows.length > limit ? { keys, next: keys.at(-1) } : { keys };
  }
}

/** Takes the scope's lock (its usage row), creating the row for a new scope. */
async function lockUsage(tx: EntityManager, scope: string): Promise<Usage> {
  await tx.query(`INSERT INTO plugin_storage_usage (scope) VALUES ($1) ON CONFLICT (scope) DO NOTHING`, [scope]);
  const rows = await tx.query<Usage[]>(`SELECT keys, bytes FROM plugin_storage_usage WHERE scope = $1 FOR UPDATE`, [scope]);
  return rows[0];
}

async function readEntry(tx: EntityManager, scope: string, key: string): Promise<{ value: string; bytes: number } | undefined> {
  const rows = await tx.query<Array<{ value: string; bytes: number }>>(`SELECT value, bytes FROM plugin_storage_entries WHERE scope = $1 AND key = $2`, [scope, key]);
  return rows[0];
}

/** Checks the scope's totals (its lock held) and writes the entry; `previous` is the bytes of the value it replaces. */
async function write(tx: EntityManager, scope: string, key: string, value: string, quota: StorageQuota, usage: Usage, previous: number | undefined): Promise<void> {
  if (previous === undefined && usage.keys >= quota.maxKeys) throw quotaExceeded(quota, 'keys');
  const bytes = entryBytes(key, value);
  if (usage.bytes - (previous ?? 0) + bytes > quota.maxTotalBytes) throw quotaExceeded(quota, 'bytes');
  await tx.query(
    `INSERT INTO plugin_storage_entries (scope, key, value, bytes) VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value, bytes = excluded.bytes, updated_at = now()`,
    [scope, key, value, bytes],
  );
  await tx.query(`UPDATE plugin_storage_usage SET keys = keys + $2, bytes = bytes + $3 WHERE scope = $1`, [scope, previous === undefined ? 1 : 0, bytes - (previous ?? 0)]);
}
