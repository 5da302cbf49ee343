/** Timers may fire a hair early against performance.now(); "not before" assertions allow this much. */
export const SLACK_MS = 2;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

export function recordingLogger() {
  const lines: { level: 'error' | 'warn'; message: string }[] = [];
  return {
    lines,
    error: (message: string) => void lines.push({ level: 'error', message }),
    warn: (message: string) => void lines.push({ level: 'warn', message }),
  };
}
