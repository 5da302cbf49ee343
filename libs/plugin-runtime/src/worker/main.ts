// The sandbox worker: a child process the supervisor starts. It owns QuickJS instances and runs
// plugin code in them; everything it knows arrives as messages, and capabilities (storage, HTTP)
// are asked of the supervisor, which checks permissions. If this process hangs or dies, the
// supervisor kills and replaces it; the API process is never at risk.
import { failure, failureOf, wallExceeded, type Failure } from './sandbox-errors.js';
import type { Sandbox, SandboxHost } from './sandbox.js';
import { SandboxPool } from './sandbox-pool.js';
import { LogCollector } from './log-collector.js';
import type { FromWorker, InvokeResult, ToWorker } from './protocol.js';

type InvokeMessage = Extract<ToWorker, { type: 'invoke' }>;
type InspectMessage = Extract<ToWorker, { type: 'inspect' }>;

const pool = await SandboxPool.start({
  maxIdle: Number(process.env.GUILD_SANDBOX_MAX_IDLE ?? 64),
  maxCompiled: Number(process.env.GUILD_SANDBOX_MAX_COMPILED ?? 128),
});
const pendingCalls = new Map<string, Map<number, (answer: string) => void>>();

function send(message: FromWorker): void {
  if (process.connected) process.send?.(message);
}

function compile(plugin: { key: string; code?: string }): Failure | 'missing' | null {
  if (plugin.code === undefined) return pool.hasCode(plugin.key) ? null : 'missing';
  try {
    pool.compile(plugin.key, plugin.code);
    return null;
  } catch (error) {
    return failure('LOAD_FAILED', `the entry file does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function hostFor(id: string, logs: LogCollector, maxCalls: number): SandboxHost {
  const calls = new Map<number, (answer: string) => void>();
  pendingCalls.set(id, calls);
  let next = 0;
  return {
    log: (level, message) => logs.add(level, message),
    call: (name, args) =>
      new Promise((resolve) => {
        const call = next++;
        if (call >= maxCalls) {
          const error = { name: 'CapabilityLimit', code: 'CAPABILITY_CALLS_EXCEEDED', message: `an invocation may make at most ${maxCalls} storage or HTTP calls` };
          return resolve(JSON.stringify({ ok: false, error }));
        }
        calls.set(call, resolve);
        send({ type: 'capability', id, call, name, args });
      }),
  };
}

async function invoke(message: InvokeMessage): Promise<void> {
  const { id, plugin, installId, limits } = message;
  const compiled = compile(plugin);
  if (compiled === 'missing') return send({ type: 'need-code', id });
  const logs = new LogCollector(limits);
  const result = (outcome: Omit<InvokeResult, 'type' | 'id' | 'logs' | 'logsTruncated'>): InvokeResult => ({
    type: 'result',
    id,
    ...outcome,
    logs: logs.lines,
    logsTruncated: logs.truncated,
  });
  if (compiled) return send(result({ ...compiled, cpuMs: 0, cold: true }));

  const host = hostFor(id, logs, limits.maxCapabilityCalls);
  let sandbox: Sandbox | undefined;
  let cold = true;
  let finished = false;
  const finish = (answer: InvokeResult) => {
    if (finished) return;
    finished = true;
    clearTimeout(wall);
    pendingCalls.delete(id);
    send(answer);
  };
  // Past the wall limit the sandbox is waiting on a call that will not be answered in time: drop it.
  const wall = setTimeout(() => {
    sandbox?.dispose();
    finish(result({ ...wallExceeded(limits.wallMs), cpuMs: 0, cold }));
  }, limits.wallMs);

  try {
    ({ sandbox, cold } = await pool.acquire(plugin.key, installId, limits.memoryBytes, limits.cpuMs, host));
    if (finished) return sandbox.dispose();
    const answer = await sandbox.invoke(message, limits, host);
    pool.release(plugin.key, installId, sandbox);
    if (answer.ok) finish(result({ outcome: 'ok', ...(answer.output === null ? {} : { output: answer.output }), cpuMs: answer.cpuMs, cold }));
    else finish(result({ outcome: answer.outcome, error: answer.error, cpuMs: answer.cpuMs, cold }));
  } catch (error) {
    finish(result({ ...failureOf(error), cpuMs: 0, cold }));
  }
}

async function inspect(message: InspectMessage): Promise<void> {
  const { id, plugin, limits } = message;
  const compiled = compile(plugin);
  if (compiled === 'missing') return send({ type: 'need-code', id });
  if (compiled) return send({ type: 'inspected', id, ok: false, events: [], functions: [], error: compiled.error });
  const logs = new LogCollector(limits);
  try {
    const sandbox = await pool.create(plugin.key, limits.memoryBytes, limits.cpuMs, hostFor(id, logs, 0));
    const { events, functions } = sandbox.exports;
    sandbox.dispose();
    send({ type: 'inspected', id, ok: true, events, functions });
  } catch (error) {
    send({ type: 'inspected', id, ok: false, events: [], functions: [], error: failureOf(error).error });
  } finally {
    pendingCalls.delete(id);
  }
}

process.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'invoke':
      return void invoke(message);
    case 'inspect':
      return void inspect(message);
    case 'capability-result':
      return pendingCalls.get(message.id)?.get(message.call)?.(message.result);
  }
});
// The supervisor going away (crash, kill -9) must not leave sandboxes running.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
