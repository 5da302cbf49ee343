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

  /** An idle sandbox for the key, or a new one (`cold`). Throws SandboxLoadError if the plugin fails to load. */
  async acquire(codeKey: string, poolKey: string, memoryBytes: number, loadCpuMs: number, host: SandboxHost): Promise<{ sandbox: Sandbox; cold: boolean }> {
    const code = this.compiled.get(codeKey);
    if (!code) throw new Error(`plugin ${codeKey} is not compiled in this worker`);
    // Recently used versions stay at the end of the map, so eviction takes the coldest.
    this.compiled.delete(codeKey);
    this.compiled.set(codeKey, code);
    const warm = this.idle.get(poolKey)?.pop();
    if (warm && warm.memoryBytes === memoryBytes) {
      this.idleCount--;
      return { sandbox: warm, cold: false };
    }
    if (warm) {
      this.idleCount--;
      warm.dispose();
    }
    return { sandbox: await Sandbox.create(this.wasm, code, memoryBytes, loadCpuMs, host), cold: true };
  }

  release(poolKey: string, sandbox: Sandbox): void {
    if (sandbox.broken) return sandbox.dispose();
    const list = this.idle.get(poolKey) ?? [];
    this.idle.delete(poolKey);
    this.idle.set(poolKey, [...list, sandbox]);
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
      if (!key.startsWith(`${codeKey}|`)) continue;
      for (const sandbox of list) sandbox.dispose();
      this.idleCount -= list.length;
      this.idle.delete(key);
    }
  }
}
