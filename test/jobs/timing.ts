/** Timers may fire a hair early against performance.now(); "not before" assertions allow this much. */
export const SLACK_MS = 2;

export { sleep, waitFor } from '../support/wait.js';

export function recordingLogger() {
  const lines: { level: 'error' | 'warn'; message: string }[] = [];
  return {
    lines,
    error: (message: string) => void lines.push({ level: 'error', message }),
    warn: (message: string) => void lines.push({ level: 'warn', message }),
  };
}
