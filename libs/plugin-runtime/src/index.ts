export { PluginRuntime, grantedPermissions, type PluginVersion, type PluginInstall, type PluginRuntimeOptions, type PluginExports } from './plugin-runtime.js';
export type { InvocationRecord, InvocationOutcome, InvocationError, LogLine, LogLevel, CapabilityDenial } from './invocation.js';
export { RUNTIME_LIMITS, STORAGE_QUOTA, type RuntimeLimits, type StorageQuota } from './limits.js';
export { MemoryStorage } from './storage/memory-storage.js';
export { StorageError, checkEntry, entryBytes, quotaExceeded, type StorageAdapter, type StorageListPage, type StorageErrorCode } from './storage/storage-adapter.js';
export { networkFetcher, type HttpFetcher } from './capabilities.js';
export { checkEntryExports, EntryIssueCode } from './entry-exports.js';
export * from './http/index.js';
