import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues, toValidationIssues, type ExtensionPointName, type Permission } from '@guild/extension-points';
import { compileSettingsSchema, parseManifest, type Manifest } from '@guild/plugin-manifest';
import { MemoryStorage, PluginRuntime, type HttpFetcher, type InvocationRecord, type PluginHttpRequest, type PluginVersion } from '@guild/plugin-runtime';
import { bundlePlugin } from '../build.js';

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TestHostOptions {
  /** The plugin's folder (holding guild-plugin.json and src/); defaults to the current folder. */
  dir?: string;
  /** The buyer's answers to the settings form; checked against the manifest's schema, as at install. */
  settings?: Record<string, unknown>;
  /** What the buyer granted; defaults to everything the manifest asks. */
  permissions?: Permission[];
  /** Answers `http.fetch` instead of the network (after the same allow-list checks); default 200 with an empty body. */
  fetch?: (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;
  installId?: string;
  /** Share one store between hosts (say, to show two installs do not see each other's keys); default a new one. */
  storage?: MemoryStorage;
}

/**
 * Runs a plugin exactly as Guild does (the same bundle, the same sandbox, limits and permission
 * checks) with fake settings, in-memory storage and a recorded `http.fetch`.
 */
export class TestHost {
  readonly requests: RecordedRequest[] = [];
  readonly storage: MemoryStorage;
  readonly installId: string;
  private readonly runtime: PluginRuntime;
  private readonly version: PluginVersion;

  private constructor(
    readonly manifest: Manifest,
    readonly code: string,
    private readonly options: TestHostOptions,
  ) {
    this.version = { manifest, code };
    this.installId = options.installId ?? 'test-install';
    this.storage = options.storage ?? new MemoryStorage();
    const fetcher: HttpFetcher = async (request: PluginHttpRequest) => {
      const recorded = { url: request.url, method: (request.method ?? 'GET').toUpperCase(), headers: request.headers ?? {}, ...(request.body === undefined ? {} : { body: request.body }) };
      this.requests.push(recorded);
      const answer = (await options.fetch?.(recorded)) ?? {};
      const status = answer.status ?? 200;
      return { status, statusText: '', url: request.url, headers: answer.headers ?? {}, body: answer.body ?? '', redirected: false };
    };
    this.runtime = new PluginRuntime({ workers: 1, storage: this.storage, fetcher });
  }

  static async create(options: TestHostOptions = {}): Promise<TestHost> {
    const dir = options.dir ?? process.cwd();
    const parsed = parseManifest(await readFile(join(dir, 'guild-plugin.json'), 'utf8'));
    if (!parsed.ok) throw new Error(`guild-plugin.json is invalid:\n${parsed.errors.map((e) => `  ${e.path || '/'} ${e.code}: ${e.message}`).join('\n')}`);
    const settings = options.settings ?? {};
    const validate = compileSettingsSchema(parsed.manifest.settings);
    if (!validate(settings)) throw new Error(`settings do not match the manifest's settings schema: ${describeIssues(toValidationIssues(validate.errors))}`);
    return new TestHost(parsed.manifest, await bundlePlugin(dir), { ...options, settings });
  }

  /** Runs one event or function invocation and returns its record (outcome, output, logs, denials). */
  invoke(point: ExtensionPointName, input: unknown, settings?: Record<string, unknown>): Promise<InvocationRecord> {
    const install = { id: this.installId, settings: settings ?? this.options.settings ?? {}, ...(this.options.permissions ? { permissions: this.options.permissions } : {}) };
    return this.runtime.invoke(this.version, install, point, input);
  }

  /** What the plugin has stored for this install, parsed. */
  stored(): Record<string, unknown> {
    return this.storage.entries(this.installId);
  }

  close(): Promise<void> {
    return this.runtime.stop();
  }
}

export const createTestHost = (options?: TestHostOptions): Promise<TestHost> => TestHost.create(options);
