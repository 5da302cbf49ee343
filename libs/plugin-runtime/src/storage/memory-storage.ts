import type { StorageQuota } from '../limits.js';
import { checkEntry, entryBytes, quotaExceeded, StorageError, type StorageAdapter, type StorageListPage } from './storage-adapter.js';

/** In-memory storage: the SDK's test host and the API's default before installs persist. */
export class MemoryStorage implements StorageAdapter {
  private readonly scopes = new Map<string, Map<string, string>>();

  async get(scope: string, key: string): Promise<string | undefined> {
    return this.scopes.get(scope)?.get(key);
  }

  async set(scope: string, key: string, value: string, quota: StorageQuota): Promise<void> {
    checkEntry(key, value, quota);
    const entries = this.scope(scope);
    const previous = entries.get(key);
    if (previous === undefined && entries.size >= quota.maxKeys) throw quotaExceeded(quota, 'keys');
    const total = this.bytes(entries) - (previous === undefined ? 0 : entryBytes(key, previous)) + entryBytes(key, value);
    if (total > quota.maxTotalBytes) throw quotaExceeded(quota, 'bytes');
    entries.set(key, value);
  }

  async increment(scope: string, key: string, by: number, quota: StorageQuota): Promise<number> {
    const current = this.scope(scope).get(key);
    const value: unknown = current === undefined ? 0 : JSON.parse(current);
    if (typeof value !== 'number') throw new StorageError('STORAGE_NOT_A_NUMBER', `storage key "${key}" does not hold a number`);
    const next = value + by;
    await this.set(scope, key, JSON.stringify(next), quota);
    return next;
  }

  async delete(scope: string, key: string): Promise<boolean> {
    return this.scopes.get(scope)?.delete(key) ?? false;
  }

  async list(scope: string, { prefix = '', after, limit }: { prefix?: string; after?: string; limit: number }): Promise<StorageListPage> {
    const keys = [...(this.scopes.get(scope)?.keys() ?? [])]
      .filter((key) => key.startsWith(prefix) && (after === undefined || key > after))
      .sort();
    const page = keys.slice(0, limit);
    return keys.length > limit ? { keys: page, next: page.at(-1) } : { keys: page };
  }

  /** Everything an install holds, for tests and the local test host's report. */
  entries(scope: string): Record<string, unknown> {
    return Object.fromEntries([...(this.scopes.get(scope) ?? [])].map(([key, value]) => [key, JSON.parse(value)]));
  }

  private scope(scope: string): Map<string, string> {
    let entries = this.scopes.get(scope);
    if (!entries) this.scopes.set(scope, (entries = new Map<string, string>()));
    return entries;
  }

  private bytes(entries: Map<string, string>): number {
    let total = 0;
    for (const [key, value] of entries) total += entryBytes(key, value);
    return total;
  }
}
