import { QuickJS } from 'quickjs-wasi';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PRELUDE } from '../guest/prelude.js';
import { Sandbox, type CompiledPlugin, type SandboxHost } from './sandbox.js';

// @types/node declares WebAssembly's types but not the global value (it lives in lib.dom).
const wasmApi = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;

export interface PoolOptions {
  /** Idle sandboxes kept across all plugins in this worker; the least recently used go first. */
  maxIdle: number;
  /** Compiled plugin versions kept. */
  maxCompiled: number;
}

/**
 * Warm reuse inside one worker: bytecode compiled once per plugin version, and idle sandboxes
 * kept per pool key (plugin version + install), so state never crosses installs.
 */
export class SandboxPool {
  private readonly compiled = new Map<string, CompiledPlugin>();
  private readonly idle = new Map<string, Sandbox[]>();
  private idleCount = 0;

  private constructor(
    private readonly wasm: WebAssembly.Module,
    private readonly compiler: QuickJS,
    private readonly options: PoolOptions,
  ) {}

  static async start(options: PoolOptions): Promise<SandboxPool> {
    const path = createRequire(import.meta.url).resolve('quickjs-wasi/quickjs.wasm');
    const wasm = await wasmApi.compile(await readFile(path));
    // Compiling parses but never runs plugin code, so this VM needs no deadline.
    const compiler = await QuickJS.create({ wasm, memoryLimit: 256 * 1024 * 1024 });
    return new SandboxPool(wasm, compiler, options);
  }

  hasCode(key: string): boolean {
    return this.compiled.has(key);
  }

  /** Compiles a version's bundle; throws the engine's SyntaxError for code that does not parse. */
  compile(key: string, code: string): void {
    if (this.compiled.has(key)) return;
    this.compiled.set(key, Sandbox.compile(this.compiler, PRELUDE, code));
    while (this.compiled.size > this.options.maxCompiled) this.forget(this.compiled.keys().next().value!);
  }

  /**
   * An idle sandbox of this plugin version for this install, or a new one (`cold`). Sandboxes are
   * pooled per version and install, so no state ever crosses from one buyer's install to another.
   * Throws SandboxLoadError if the plugin fails to load.
   */
  async acquire(codeKey: string, installId: string, memoryBytes: number, loadCpuMs: number, host: SandboxHost): Promise<{ sandbox: Sandbox; cold: boolean }> {
    const warm = this.idle.get(poolKey(codeKey, installId))?.pop();
    if (warm) this.idleCount--;
    if (warm?.memoryBytes === memoryBytes) return { sandbox: warm, cold: false };
    warm?.dispose();
    return { sandbox: await this.create(codeKey, memoryBytes, loadCpuMs, host), cold: true };
  }

  /** A new sandbox with the plugin loaded, outside the pool (also what `inspect` uses). */
  create(codeKey: string, memoryBytes: number, loadCpuMs: number, host: SandboxHost): Promise<Sandbox> {
    const code = this.compiled.get(codeKey);
    if (!code) throw new Error(`plugin ${codeKey} is not compiled in this worker`);
    // Recently used versions move to the end of the map, so eviction takes the coldest.
    this.compiled.delete(codeKey);
    this.compiled.set(codeKey, code);
    return Sandbox.create(this.wasm, code, memoryBytes, loadCpuMs, host);
  }

  release(codeKey: string, installId: string, sandbox: Sandbox): void {
    if (sandbox.broken) return sandbox.dispose();
    const key = poolKey(codeKey, installId);
    const list = this.idle.get(key) ?? [];
    this.idle.delete(key);
    this.idle.set(key, [...list, sandbox]);
    this.idleCount++;
    while (this.idleCount > this.options.maxIdle) this.evictOldest();
  }

  private evictOldest(): void {
    const [key, list] = this.idle.entries().next().value!;
    list.shift()?.dispose();
    this.idleCount--;
    if (list.length === 0) this.idle.delete(key);
  }

  private forget(codeKey: string): void {
    this.compiled.delete(codeKey);
    for (const [key, list] of this.idle) {
      if (!key.startsWith(poolKey(codeKey, ''))) continue;
      for (const sandbox of list) sandbox.dispose();
      this.idleCount -= list.length;
      this.idle.delete(key);
    }
  }
}

const poolKey = (codeKey: string, installId: string) => `${codeKey}|${installId}`;
