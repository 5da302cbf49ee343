// Messages between the supervisor (in the API or the SDK's test host) and a sandbox worker process.
// JSON crosses as text: the worker hands it to the sandbox, which parses it into its own objects.
import type { InvocationError, InvocationOutcome, LogLine } from '../invocation.js';

export interface SandboxLimits {
  memoryBytes: number;
  cpuMs: number;
  wallMs: number;
  maxOutputBytes: number;
  maxLogLines: number;
  maxLogLineLength: number;
  maxCapabilityCalls: number;
}

/** A plugin version's bundle, identified by `key` (name@version#sha). Sent once per worker. */
export interface CodeRef {
  key: string;
  code?: string;
}

export type ToWorker =
  | {
      type: 'invoke';
      id: string;
      plugin: CodeRef;
      /** Sandboxes are reused only for the same plugin version and install. */
      installId: string;
      kind: 'event' | 'function';
      point: string;
      input: string;
      context: string;
      limits: SandboxLimits;
    }
  | { type: 'inspect'; id: string; plugin: CodeRef; limits: SandboxLimits }
  | { type: 'capability-result'; id: string; call: number; result: string };

export interface InvokeResult {
  type: 'result';
  id: string;
  outcome: InvocationOutcome;
  output?: string;
  error?: InvocationError;
  logs: LogLine[];
  logsTruncated: boolean;
  cpuMs: number;
  cold: boolean;
}

export interface InspectResult {
  type: 'inspected';
  id: string;
  ok: boolean;
  events: string[];
  functions: string[];
  error?: InvocationError;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'need-code'; id: string }
  | { type: 'capability'; id: string; call: number; name: string; args: string }
  | InvokeResult
  | InspectResult;

/** A capability call's answer, as the sandbox's prelude expects it. */
export type CapabilityAnswer = { ok: true; value: unknown } | { ok: false; error: { name: string; code: string; message: string } };
