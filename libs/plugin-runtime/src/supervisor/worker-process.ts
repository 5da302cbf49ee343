import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { FromWorker, InspectResult, InvokeResult, ToWorker } from '../worker/protocol.js';

type Request = Extract<ToWorker, { type: 'invoke' | 'inspect' }>;
type Answer = InvokeResult | InspectResult;
type CapabilityHandler = (name: string, args: string) => Promise<string>;

interface InFlight {
  /** Sent without the bundle once this worker has it; `code` is resent if the worker asks. */
  request: Request;
  code: string;
  resolve(answer: Answer): void;
  reject(error: Error): void;
  onCapability: CapabilityHandler;
  watchdog: NodeJS.Timeout;
}

/** The worker went away with this request unanswered (it crashed, or another request hung it). */
export class WorkerLostError extends Error {
  constructor(readonly reason: 'crashed' | 'unresponsive') {
    super(reason === 'crashed' ? 'the sandbox worker process exited' : 'the sandbox worker process stopped answering and was killed');
  }
}

// From TypeScript sources (tests, the SDK's CLI) the worker runs through tsx; from the build, as JavaScript.
const fromSource = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`../worker/main.${fromSource ? 'ts' : 'js'}`, import.meta.url);
// By absolute URL: the host's current folder (a partner's plugin, anywhere) need not see tsx.
const EXEC_ARGV = fromSource ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];

/**
 * One supervised sandbox worker process. Each request has a watchdog: if the worker has not
 * answered well after the request's own wall limit, the process is killed (whatever it was
 * stuck in) and every request it held fails; the next request starts a fresh process.
 */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly sentCode = new Set<string>();

  constructor(private readonly options: { watchdogGraceMs: number; env?: NodeJS.ProcessEnv }) {}

  /** For health checks and tests: the process id while running, and requests outstanding. */
  get status(): { pid: number | null; inFlight: number } {
    return { pid: this.child?.pid ?? null, inFlight: this.inFlight.size };
  }

  async request(request: Request, code: string, onCapability: CapabilityHandler): Promise<Answer> {
    await this.start().catch(() => {
      throw new WorkerLostError('crashed');
    });
    const { key } = request.plugin;
    return new Promise<Answer>((resolve, reject) => {
      const watchdog = setTimeout(() => this.kill(request.id), request.limits.wallMs + this.options.watchdogGraceMs);
      this.inFlight.set(request.id, { request, code, resolve, reject, onCapability, watchdog });
      this.send({ ...request, plugin: this.sentCode.has(key) ? { key } : { key, code } });
      this.sentCode.add(key);
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.ref();
    child.kill('SIGKILL');
    await exited;
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const child = fork(ENTRY, [], {
      execArgv: EXEC_ARGV,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: this.options.env ?? process.env,
    });
    this.child = child;
    this.ready = new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`the sandbox worker exited while starting (${signal ?? code})`)));
      child.on('message', (message: FromWorker) => {
        if (message.type !== 'ready') return this.receive(message);
        // From now on the worker must not keep the host alive on its own: its IPC channel holds the loop only while busy.
        child.unref();
        this.refreshRef();
        resolve();
      });
    });
    child.once('exit', () => this.lost(child));
    this.ready.catch(() => this.lost(child));
    return this.ready;
  }

  private receive(message: Exclude<FromWorker, { type: 'ready' }>): void {
    const entry = this.inFlight.get(message.id);
    if (!entry) return;
    switch (message.type) {
      case 'need-code':
        return this.send({ ...entry.request, plugin: { key: entry.request.plugin.key, code: entry.code } });
      case 'capability':
        return void entry.onCapability(message.name, message.args).then((result) =>
          this.send({ type: 'capability-result', id: message.id, call: message.call, result }),
        );
      default:
        this.settle(message.id);
        entry.resolve(message);
    }
  }

  private settle(id: string): InFlight | undefined {
    const entry = this.inFlight.get(id);
    if (entry) clearTimeout(entry.watchdog);
    this.inFlight.delete(id);
    this.refreshRef();
    return entry;
  }

  private send(message: ToWorker): void {
    this.refreshRef();
    this.child?.send(message);
  }

  /** Holds the host's event loop open only while requests are outstanding. */
  private refreshRef(): void {
    if (this.inFlight.size > 0) this.child?.channel?.ref();
    else this.child?.channel?.unref();
  }

  /** The watchdog: `culprit` fails as unresponsive, everything else the worker held as crashed. */
  private kill(culprit: string): void {
    const child = this.child;
    if (!child) return;
    this.settle(culprit)?.reject(new WorkerLostError('unresponsive'));
    child.kill('SIGKILL');
    this.lost(child);
  }

  private lost(child: ChildProcess): void {
    if (this.child !== child) return;
    this.child = null;
    this.ready = null;
    this.sentCode.clear();
    for (const id of [...this.inFlight.keys()]) this.settle(id)?.reject(new WorkerLostError('crashed'));
  }
}
