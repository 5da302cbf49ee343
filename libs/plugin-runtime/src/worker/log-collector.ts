import type { LogLevel, LogLine } from '../invocation.js';

/** Keeps an invocation's log lines within the runtime's limits, noting when it dropped any. */
export class LogCollector {
  readonly lines: LogLine[] = [];
  truncated = false;
  private readonly started = performance.now();

  constructor(private readonly limits: { maxLogLines: number; maxLogLineLength: number }) {}

  add(level: LogLevel, message: string): void {
    if (this.lines.length >= this.limits.maxLogLines) {
      this.truncated = true;
      return;
    }
    const long = message.length > this.limits.maxLogLineLength;
    if (long) this.truncated = true;
    this.lines.push({
      level,
      message: long ? `${message.slice(0, this.limits.maxLogLineLength)}…` : message,
      at: Math.round(performance.now() - this.started),
    });
  }
}
