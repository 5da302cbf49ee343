import { EvalFlags, Intrinsics, JSException, QuickJS, type JSValueHandle } from 'quickjs-wasi';
import type { LogLevel } from '../invocation.js';
import { classifyThrown, cpuExceeded, failure, isOutOfMemory, neverSettles, outputTooLarge, SandboxLoadError, type Failure } from './sandbox-errors.js';

/** What the sandbox needs from its caller while a handler runs. */
export interface SandboxHost {
  call(name: string, args: string): Promise<string>;
  log(level: LogLevel, message: string): void;
}

export type SandboxResult = { ok: true; output: string | null } | ({ ok: false } & Failure);

/** CPU time for one entry point (a load or a call), spent across every entry into the VM. */
type Budget = { limitMs: number; usedMs: number };
type Phase = 'load' | 'call';

export interface CompiledPlugin {
  prelude: Uint8Array;
  module: Uint8Array;
}

const PROMISE_PENDING = 0;
const PROMISE_FULFILLED = 1;
// No eval or Function constructor (as on Cloudflare Workers): plugins ship all their code in the bundle.
const INTRINSICS = Intrinsics.ALL & ~Intrinsics.EVAL;
// Reading what a failed call threw may run guest getters; they get this much CPU, no more.
const INSPECT_BUDGET_MS = 50;
const LEVELS = new Set<string>(['debug', 'info', 'warn', 'error']);
const INTERRUPTED = { name: 'InternalError', message: 'interrupted' };

/**
 * One QuickJS WebAssembly instance with a plugin loaded. It holds nothing of the host: the guest
 * reaches the outside only through the two functions installed here, and every entry into the
 * VM runs under a CPU deadline enforced by QuickJS's interrupt handler.
 */
export class Sandbox {
  exports: { events: string[]; functions: string[] } = { events: [], functions: [] };
  /** Set once the VM may be in a bad state (interrupted, out of memory): it is thrown away. */
  broken = false;
  private deadline = Infinity;
  private interrupted = false;
  private host: SandboxHost | null = null;
  private pendingCalls = 0;
  /** Pumps the job queue when a capability call answers; set only while `run` waits. */
  private onHostAnswer: (() => void) | null = null;

  private constructor(
    private readonly vm: QuickJS,
    readonly memoryBytes: number,
  ) {}

  static async create(wasm: WebAssembly.Module, compiled: CompiledPlugin, memoryBytes: number, loadCpuMs: number, host: SandboxHost): Promise<Sandbox> {
    let sandbox: Sandbox | undefined = undefined;
    const vm = await QuickJS.create({
      wasm,
      memoryLimit: memoryBytes,
      intrinsics: INTRINSICS,
      timezoneOffset: 0,
      interruptHandler: () => sandbox?.shouldInterrupt() ?? false,
    });
    sandbox = new Sandbox(vm, memoryBytes);
    sandbox.installHostFunctions();
    const failed = await sandbox.load(compiled, loadCpuMs, host);
    if (failed) {
      sandbox.dispose();
      throw new SandboxLoadError(failed);
    }
    return sandbox;
  }

  /** Compiles a plugin's module (and the prelude) to bytecode once, in a scratch VM, for every sandbox of that version. */
  static compile(vm: QuickJS, prelude: string, code: string): CompiledPlugin {
    return {
      prelude: vm.compile(prelude, 'guild:prelude', EvalFlags.TYPE_GLOBAL | EvalFlags.STRICT),
      module: vm.compile(code, 'plugin.js', EvalFlags.TYPE_MODULE),
    };
  }

  async invoke(
    call: { kind: 'event' | 'function'; point: string; input: string; context: string },
    limits: { cpuMs: number; maxOutputBytes: number },
    host: SandboxHost,
  ): Promise<SandboxResult & { cpuMs: number }> {
    const { kind, point, input, context } = call;
    const budget = { limitMs: limits.cpuMs, usedMs: 0 };
    this.host = host;
    try {
      const settled = await this.run(budget, 'call', () => this.callApi('invoke', [kind, point, input, context].map((value) => this.vm.newString(value))));
      // Calls still in flight would resume inside the next invocation: start that one afresh instead.
      if (this.pendingCalls > 0) this.broken = true;
      if (!settled.ok) return { ...settled, cpuMs: budget.usedMs };
      const { value } = settled;
      // Measured in the guest before copying out, so a huge answer never reaches host memory.
      if (value.isString && value.length > limits.maxOutputBytes) {
        value.dispose();
        return { ok: false, ...outputTooLarge(limits.maxOutputBytes), cpuMs: budget.usedMs };
      }
      const output = value.consume((handle) => (handle.isString ? handle.toString() : null));
      if (output !== null && Buffer.byteLength(output) > limits.maxOutputBytes) return { ok: false, ...outputTooLarge(limits.maxOutputBytes), cpuMs: budget.usedMs };
      return { ok: true, output, cpuMs: budget.usedMs };
    } finally {
      this.host = null;
    }
  }

  dispose(): void {
    this.broken = true;
    try {
      this.vm.dispose();
    } catch {
      // A VM that ran out of memory can fail to tear down cleanly; its WebAssembly memory goes with it.
    }
  }

  /** Runs the prelude and the plugin's module, and registers its handlers; a failure, or null. */
  private async load(compiled: CompiledPlugin, cpuMs: number, host: SandboxHost): Promise<Failure | null> {
    const budget = { limitMs: cpuMs, usedMs: 0 };
    this.host = host;
    try {
      this.vm.evalBytecode(compiled.prelude).dispose();
      const namespace = await this.run(budget, 'load', () => this.vm.evalBytecode(compiled.module));
      if (!namespace.ok) return namespace;
      const registered = await namespace.value.consume((ns) => this.run(budget, 'load', () => this.callApi('register', [ns.dup()])));
      if (!registered.ok) return registered;
      this.exports = JSON.parse(registered.value.consume((value) => value.toString())) as Sandbox['exports'];
      return null;
    } finally {
      this.host = null;
    }
  }

  /** Calls `__guild[name](...args)` (the prelude's API); takes ownership of `args`. */
  private callApi(name: 'invoke' | 'register', args: JSValueHandle[]): JSValueHandle {
    const api = this.vm.global.getProp('__guild');
    const fn = api.getProp(name);
    try {
      return this.vm.callFunction(fn, api, ...args);
    } finally {
      for (const handle of [fn, api, ...args]) handle.dispose();
    }
  }

  /**
   * Runs `start` (which returns a guest value or promise) and pumps the job queue as host calls
   * answer, until the promise settles, the CPU budget is spent, or nothing can ever settle it.
   * On success the caller owns the settled value's handle.
   */
  private run(budget: Budget, phase: Phase, start: () => JSValueHandle): Promise<{ ok: true; value: JSValueHandle } | ({ ok: false } & Failure)> {
    return new Promise((resolve) => {
      let promise: JSValueHandle | undefined;
      const fail = (failed: Failure) => {
        this.onHostAnswer = null;
        promise?.dispose();
        resolve({ ok: false, ...failed });
      };
      const check = () => {
        if (!promise) return;
        const state = promise.isPromise ? promise.promiseState : PROMISE_FULFILLED;
        if (state === PROMISE_PENDING) {
          if (this.pendingCalls === 0) fail(neverSettles());
          return;
        }
        this.onHostAnswer = null;
        const settledPromise = promise;
        // Already settled, so resolvePromise reads the result without running guest code.
        void this.vm.resolvePromise(settledPromise).then((settled) => {
          settledPromise.dispose();
          if ('value' in settled) return resolve({ ok: true, value: settled.value });
          resolve({ ok: false, ...settled.error.consume((thrown) => this.describeThrown(thrown, budget, phase)) });
        });
      };
      this.onHostAnswer = () => {
        const pumped = this.enter(budget, phase, () => this.vm.executePendingJobs());
        if ('failure' in pumped) return fail(pumped.failure);
        check();
      };
      const started = this.enter(budget, phase, () => {
        const value = start();
        promise = value;
        this.vm.executePendingJobs();
        return value;
      });
      if ('failure' in started) return fail(started.failure);
      check();
    });
  }

  /** What a rejected promise carried, read under a small budget of its own (guest getters may run). */
  private describeThrown(value: JSValueHandle, budget: Budget, phase: Phase): Failure {
    // An interrupt inside module evaluation surfaces as the module promise's rejection.
    if (this.interrupted) return this.failed(INTERRUPTED, budget, phase);
    const read = this.enter({ limitMs: INSPECT_BUDGET_MS, usedMs: 0 }, 'call', () => {
      const field = (key: string) => (value.isObject ? value.getProp(key).consume((h) => (h.isString ? h.toString() : '')) : '');
      const message = value.isObject ? field('message') : String(this.vm.dump(value));
      return { name: field('name') || 'Error', message, code: field('code') };
    });
    if ('failure' in read) return failure('PLUGIN_ERROR', 'the plugin threw a value that could not be read');
    return this.failed(read.value, budget, phase);
  }

  /** The one place a guest failure becomes an outcome; interrupted or out-of-memory VMs are never reused. */
  private failed(thrown: { name: string; message: string; code?: string }, budget: Budget, phase: Phase): Failure {
    if (this.interrupted) {
      this.broken = true;
      return cpuExceeded(Math.round(budget.limitMs), phase);
    }
    if (isOutOfMemory(thrown.name, thrown.message)) this.broken = true;
    return classifyThrown(thrown.name, thrown.message, this.memoryBytes, thrown.code);
  }

  /** One entry into the VM under the CPU deadline; interrupts and out-of-memory become failures. */
  private enter<T>(budget: Budget, phase: Phase, fn: () => T): { value: T } | { failure: Failure } {
    const started = performance.now();
    this.deadline = started + budget.limitMs - budget.usedMs;
    try {
      return { value: fn() };
    } catch (error) {
      if (error instanceof JSException || this.interrupted) return { failure: this.failed(error instanceof JSException ? error : INTERRUPTED, budget, phase) };
      this.broken = true;
      // Deep recursion can exhaust the host's WebAssembly stack before QuickJS's own guard notices.
      if (error instanceof RangeError) return { failure: failure('STACK_OVERFLOW', 'RangeError: Maximum call stack size exceeded') };
      return { failure: failure('SANDBOX_ERROR', error instanceof Error ? error.message : String(error)) };
    } finally {
      budget.usedMs += performance.now() - started;
      this.deadline = Infinity;
    }
  }

  private shouldInterrupt(): boolean {
    // QuickJS asks every 10,000 or so bytecodes, which keeps this check cheap.
    if (!this.interrupted && performance.now() > this.deadline) this.interrupted = true;
    return this.interrupted;
  }

  private installHostFunctions(): void {
    const log = this.vm.newFunction('__guildHostLog', (level, message) => {
      const text = message?.isString ? message.toString() : '';
      const name = level?.isString ? level.toString() : 'info';
      this.host?.log(LEVELS.has(name) ? (name as LogLevel) : 'info', text);
      return this.vm.undefined;
    });
    const call = this.vm.newFunction('__guildHostCall', (name, args) => {
      const deferred = this.vm.newPromise();
      const host = this.host;
      if (!host || !name?.isString || !args?.isString) {
        deferred.reject(this.vm.newError('capabilities are available only inside a handler'));
        return deferred.handle;
      }
      this.pendingCalls++;
      const answered = (answer: string) => {
        this.pendingCalls--;
        if (this.broken) return;
        deferred.resolve(this.vm.newString(answer));
        this.onHostAnswer?.();
      };
      // The host answers every call (refusals included) as JSON; a rejection is a host bug, shown without its details.
      host.call(name.toString(), args.toString()).then(answered, () =>
        answered(JSON.stringify({ ok: false, error: { name: 'Error', code: 'CAPABILITY_FAILED', message: `${name.toString()} failed` } })),
      );
      return deferred.handle;
    });
    this.vm.setProp(this.vm.global, '__guildHostLog', log);
    this.vm.setProp(this.vm.global, '__guildHostCall', call);
    log.dispose();
    call.dispose();
  }
}
