import { createHash, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { describeIssues, EXTENSION_POINTS, isFunctionName, validateInput, validateOutput, type ExtensionPointName, type Permission } from '@guild/extension-points';
import type { Manifest } from '@guild/plugin-manifest';
import { Capabilities, networkFetcher, type HttpFetcher } from './capabilities.js';
import type { SafeFetchPolicy } from './http/index.js';
import type { InvocationError, InvocationRecord } from './invocation.js';
import { RUNTIME_LIMITS, STORAGE_QUOTA, type RuntimeLimits, type StorageQuota } from './limits.js';
import { MemoryStorage } from './storage/memory-storage.js';
import type { StorageAdapter } from './storage/storage-adapter.js';
import { WorkerLostError, WorkerProcess } from './supervisor/worker-process.js';
import type { InspectResult, InvokeResult, SandboxLimits } from './worker/protocol.js';

/**
 * A plugin version as the runtime runs it: its checked manifest and its bundled entry file.
 * Keep one object per version and do not change it: the runtime remembers its code's digest by object.
 */
export interface PluginVersion {
  manifest: Manifest;
  code: string;
}

/** The buyer's install: its id scopes storage and warm sandboxes; `permissions` is what the buyer granted (default: all the manifest asks). */
export interface PluginInstall {
  id: string;
  settings: Record<string, unknown>;
  permissions?: readonly Permission[];
}

export interface PluginRuntimeOptions {
  /** Sandbox worker processes (default: CPU cores, at most 4). */
  workers?: number;
  storage?: StorageAdapter;
  storageQuota?: Partial<StorageQuota>;
  limits?: Partial<RuntimeLimits>;
  /** Defaults for `http.fetch` (DNS, timeouts, sizes, operator exemptions); hosts come from each install. */
  http?: Omit<SafeFetchPolicy, 'allowedHosts' | 'signal'>;
  /** Replaces the network (the SDK's test host records requests); permission checks still apply. */
  fetcher?: HttpFetcher;
  /** How long past its own wall limit a request may go unanswered before its worker is killed. */
  watchdogGraceMs?: number;
}

export interface PluginExports {
  ok: boolean;
  events: string[];
  functions: string[];
  error?: InvocationError;
}

/**
 * Runs plugin code in QuickJS sandboxes inside supervised worker processes. One instance per
 * host process; `invoke` never throws for anything the plugin does: every outcome is a record.
 */
export class PluginRuntime {
  private readonly pool: WorkerProcess[];
  private readonly limits: RuntimeLimits;
  private readonly quota: StorageQuota;
  private readonly storage: StorageAdapter;

  constructor(private readonly options: PluginRuntimeOptions = {}) {
    const count = options.workers ?? Math.min(4, availableParallelism());
    this.pool = Array.from({ length: Math.max(1, count) }, () => new WorkerProcess({ watchdogGraceMs: options.watchdogGraceMs ?? 2000 }));
    this.limits = { ...RUNTIME_LIMITS, ...options.limits };
    this.quota = { ...STORAGE_QUOTA, ...options.storageQuota };
    this.storage = options.storage ?? new MemoryStorage();
  }

  async invoke(plugin: PluginVersion, install: PluginInstall, point: ExtensionPointName, input: unknown): Promise<InvocationRecord> {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const spec = EXTENSION_POINTS[point];
    const { manifest } = plugin;
    const record = (fields: Pick<InvocationRecord, 'outcome' | 'cpuMs' | 'cold'> & Partial<InvocationRecord>): InvocationRecord => ({
      invocationId: randomUUID(),
      plugin: manifest.name,
      version: manifest.version,
      installId: install.id,
      point,
      kind: spec.kind,
      startedAt,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      logs: [],
      logsTruncated: false,
      denied: [],
      ...fields,
    });
    const refused = (outcome: 'permission' | 'error', code: string, message: string) =>
      record({ outcome, cpuMs: 0, cold: false, error: { code, message } });

    const permissions = grantedPermissions(manifest, install);
    const declared: readonly string[] = spec.kind === 'event' ? manifest.events : manifest.functions;
    const implemented = declared.includes(point);
    if (!implemented) return refused('error', 'NOT_IMPLEMENTED', `${manifest.name} does not declare ${spec.kind} ${point}`);
    if (!permissions.includes(spec.permission)) return refused('permission', 'PERMISSION_NOT_GRANTED', `the install does not grant ${spec.permission}`);
    const checked = validateInput(point, input);
    if (!checked.ok) return refused('error', 'INPUT_INVALID', describeIssues(checked.errors));

    const cpuMs = spec.kind === 'function' ? Math.min(manifest.limits.timeoutMs, spec.timeBudgetMs) : manifest.limits.timeoutMs;
    const wallMs = spec.kind === 'function' ? spec.timeBudgetMs + this.limits.functionWallGraceMs : this.limits.eventWallMs;
    const abort = new AbortController();
    const capabilities = new Capabilities({
      installId: install.id,
      permissions,
      storage: this.storage,
      quota: this.quota,
      fetcher: this.options.fetcher ?? networkFetcher,
      httpPolicy: this.options.http ?? {},
      signal: abort.signal,
    });
    const request = {
      type: 'invoke' as const,
      id: randomUUID(),
      plugin: { key: codeKey(plugin) },
      installId: install.id,
      kind: spec.kind,
      point,
      input: JSON.stringify(input),
      context: JSON.stringify({ install: { id: install.id }, settings: install.settings }),
      limits: this.sandboxLimits(manifest, cpuMs, wallMs),
    };
    try {
      const answer = (await this.request(request, plugin.code, (name, args) => capabilities.handle(name, args))) as InvokeResult;
      const { outcome, error, logs, logsTruncated, cpuMs: used, cold } = answer;
      const base = { logs, logsTruncated, cpuMs: Math.round(used * 100) / 100, cold, denied: capabilities.denied };
      if (outcome !== 'ok') return record({ ...base, outcome, ...(error ? { error } : {}) });
      if (!isFunctionName(point)) return record({ ...base, outcome });
      const output: unknown = answer.output === undefined ? null : JSON.parse(answer.output);
      const valid = validateOutput(point, output);
      if (!valid.ok) {
        const message = `the answer does not match ${point}'s output schema (GET /v1/extension-points/${point}): ${describeIssues(valid.errors)}`;
        return record({ ...base, outcome: 'error', error: { code: 'OUTPUT_INVALID', message } });
      }
      return record({ ...base, outcome, output });
    } catch (error) {
      if (!(error instanceof WorkerLostError)) throw error;
      const code = error.reason === 'unresponsive' ? 'WORKER_UNRESPONSIVE' : 'WORKER_CRASHED';
      return record({ outcome: error.reason === 'unresponsive' ? 'timeout' : 'error', cpuMs: 0, cold: false, error: { code, message: error.message } });
    } finally {
      abort.abort();
    }
  }

  /** Loads a bundle in a fresh sandbox (within the manifest's limits) and lists what it exports. */
  async inspect(plugin: PluginVersion): Promise<PluginExports> {
    const { limits } = plugin.manifest;
    const request = {
      type: 'inspect' as const,
      id: randomUUID(),
      plugin: { key: codeKey(plugin) },
      limits: this.sandboxLimits(plugin.manifest, limits.timeoutMs, limits.timeoutMs + 1000),
    };
    try {
      const { ok, events, functions, error } = (await this.request(request, plugin.code, async () => '')) as InspectResult;
      return { ok, events, functions, ...(error ? { error } : {}) };
    } catch (error) {
      if (!(error instanceof WorkerLostError)) throw error;
      return { ok: false, events: [], functions: [], error: { code: 'LOAD_FAILED', message: `loading the entry file stopped the sandbox: ${error.message}` } };
    }
  }

  /** Each sandbox worker process: its pid (null until first use or after a crash) and requests in flight. */
  workers(): { pid: number | null; inFlight: number }[] {
    return this.pool.map((worker) => worker.status);
  }

  async stop(): Promise<void> {
    await Promise.all(this.pool.map((worker) => worker.stop()));
  }

  /**
   * Same plugin version and install → same worker, so its warm sandboxes are found. A request
   * lost with a worker killed for another request's sake is retried once, on its replacement.
   */
  private async request(request: Parameters<WorkerProcess['request']>[0], code: string, onCapability: (name: string, args: string) => Promise<string>) {
    const affinity = request.type === 'invoke' ? `${request.plugin.key}|${request.installId}` : request.plugin.key;
    const first = this.pool[hashIndex(affinity, this.pool.length)];
    try {
      return await first.request(request, code, onCapability);
    } catch (error) {
      // A bystander of a worker killed for another plugin's sake gets one more try.
      if (!(error instanceof WorkerLostError) || error.reason !== 'crashed') throw error;
      return first.request({ ...request, id: randomUUID() }, code, onCapability);
    }
  }

  private sandboxLimits(manifest: Manifest, cpuMs: number, wallMs: number): SandboxLimits {
    const { maxOutputBytes, maxLogLines, maxLogLineLength, maxCapabilityCalls } = this.limits;
    return { memoryBytes: manifest.limits.memoryMb * 1024 * 1024, cpuMs, wallMs, maxOutputBytes, maxLogLines, maxLogLineLength, maxCapabilityCalls };
  }
}

/** What the install may use: the buyer's grant, never more than the manifest asks. */
export function grantedPermissions(manifest: Manifest, install: PluginInstall): Permission[] {
  const asked = manifest.permissions;
  return install.permissions ? asked.filter((permission) => install.permissions!.includes(permission)) : [...asked];
}

// Hashing a bundle (up to megabytes) on every call would cost more than a warm call; callers keep their version objects.
const codeKeys = new WeakMap<PluginVersion, string>();

/** Identifies a version's code across processes: name, version and a digest of the bundle itself. */
function codeKey(plugin: PluginVersion): string {
  let key = codeKeys.get(plugin);
  if (key === undefined) {
    key = `${plugin.manifest.name}@${plugin.manifest.version}#${createHash('sha256').update(plugin.code).digest('hex').slice(0, 16)}`;
    codeKeys.set(plugin, key);
  }
  return key;
}

function hashIndex(key: string, size: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % size;
}
