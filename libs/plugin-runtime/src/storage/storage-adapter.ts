import type { StorageQuota } from '../limits.js';

export interface StorageListPage {
  keys: string[];
  /** Pass as `after` for the next page; absent on the last one. */
  next?: string;
}

/**
 * Where `storage` keeps an install's keys. Values are JSON text. `scope` is the install id: an
 * adapter never reads across scopes. `set` and `increment` enforce the quota atomically, so two
 * concurrent invocations cannot together exceed it.
 */
export interface StorageAdapter {
  get(scope: string, key: string): Promise<string | undefined>;
  set(scope: string, key: string, value: string, quota: StorageQuota): Promise<void>;
  /** Adds `by` to a numeric value (missing counts as 0) and returns the new value. */
  increment(scope: string, key: string, by: number, quota: StorageQuota): Promise<number>;
  delete(scope: string, key: string): Promise<boolean>;
  list(scope: string, options: { prefix?: string; after?: string; limit: number }): Promise<StorageListPage>;
}

export type StorageErrorCode = 'STORAGE_QUOTA_EXCEEDED' | 'STORAGE_KEY_INVALID' | 'STORAGE_VALUE_INVALID' | 'STORAGE_NOT_A_NUMBER';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Bytes a key and its value count against `maxTotalBytes`. */
export function entryBytes(key: string, value: string): number {
  return Buffer.byteLength(key) + Buffer.byteLength(value);
}

/** The checks every adapter runs before writing; the total is the adapter's to check, atomically. */
export function checkEntry(key: string, value: string, quota: StorageQuota): void {
  if (Buffer.byteLength(value) > quota.maxValueBytes) {
    throw new StorageError('STORAGE_QUOTA_EXCEEDED', `storage value for "${key}" is larger than ${quota.maxValueBytes} bytes`);
  }
}

export function quotaExceeded(quota: StorageQuota, what: 'keys' | 'bytes'): StorageError {
  return new StorageError(
    'STORAGE_QUOTA_EXCEEDED',
    what === 'keys' ? `storage holds at most ${quota.maxKeys} keys per install` : `storage holds at most ${quota.maxTotalBytes} bytes per install`,
  );
}
