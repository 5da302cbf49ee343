import { performance } from 'node:perf_hooks';
import { InProcessJobQueue } from './in-process.driver.js';
import { JobOptionsError } from './job-options.policy.js';
import type { JobContext, JobOptions, Schedule } from './job-queue.js';

// Timers may fire a hair early against performance.now(); "not before" allows this much.
const SLACK_MS = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

function recordingLogger() {
  const lines: { level: 'error' | 'warn'; message: string }[] = [];
  return { lines, error: (message: string) => lines.push({ level: 'error', message }), warn: (message: string) => lines.push({ level: 'warn', message }) };
}

describe('InProcessJobQueue', () => {
  let logger: ReturnType<typeof recordingLogger>;
  let queue: InProcessJobQueue;

  beforeEach(() => {
    logger = recordingLogger();
    queue = new InProcessJobQueue({ logger });
  });
  afterEach(() => queue.close(1_000));

  it('retries with exponential backoff: delay * 2^(attemptsMade-1) between runs', async () => {
    const runs: { at: number; attemptsMade: number }[] = [];
    queue.define({
      name: 'flaky',
      handler: async (job) => {
        runs.push({ at: performance.now(), attemptsMade: job.attemptsMade });
        if (runs.length < 4) throw new Error(`boom ${runs.length}`);
      },
    });
    await queue.enqueue('flaky', {}, { attempts: 4, backoff: { type: 'exponential', delay: 20 } });
    await waitFor(async () => (await queue.counts()).flaky.completed === 1);
    expect(runs.map((run) => run.attemptsMade)).toEqual([0, 1, 2, 3]);
    const gaps = runs.slice(1).map((run, i) => run.at - runs[i].at);
    [20, 40, 80].forEach((expected, i) => expect(gaps[i]).toBeGreaterThanOrEqual(expected - SLACK_MS));
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(3);
  });

  it('records a job that always fails as failed after its attempts, and logs it with name and id', async () => {
    let calls = 0;
    queue.define({
      name: 'hopeless',
      defaults: { attempts: 3, backoff: { type: 'fixed', delay: 5 } },
      handler: async () => {
        calls += 1;
        throw new Error('never works');
      },
    });
    const id = await queue.enqueue('hopeless', { partnerId: 'p1' });
    await waitFor(async () => (await queue.counts()).hopeless.failed === 1);
    expect(calls).toBe(3);
    const [failure] = await queue.failures('hopeless');
    expect(failure).toMatchObject({ id, name: 'hopeless', data: { partnerId: 'p1' }, attemptsMade: 3, reason: 'never works' });
    const errors = logger.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain(`job hopeless ${id} failed after 3 attempt(s): never works`);
  });

  it('runs a delayed job no earlier than its delay', async () => {
    let ranAt = 0;
    queue.define({ name: 'later', handler: async () => void (ranAt = performance.now()) });
    const enqueuedAt = performance.now();
    await queue.enqueue('later', {}, { delay: 40 });
    expect((await queue.counts()).later).toMatchObject({ delayed: 1, waiting: 0 });
    await waitFor(() => ranAt > 0);
    expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(40 - SLACK_MS);
  });

  it('treats a duplicate jobId as a no-op while the first job is pending, and frees it afterwards', async () => {
    const seen: unknown[] = [];
    queue.define({ name: 'dedup', handler: async (job) => void seen.push(job.data) });
    const first = await queue.enqueue('dedup', { n: 1 }, { jobId: 'order-7', delay: 20 });
    const second = await queue.enqueue('dedup', { n: 2 }, { jobId: 'order-7' });
    expect(second).toBe(first);
    await waitFor(() => seen.length === 1);
    await sleep(30);
    expect(seen).toEqual([{ n: 1 }]);
    const third = await queue.enqueue('dedup', { n: 3 }, { jobId: 'order-7' });
    expect(third).not.toBe(first);
    await waitFor(() => seen.length === 2);
  });

  it('fires an `every` schedule repeatedly; upserting replaces it; unscheduling stops it', async () => {
    const seen: number[] = [];
    queue.define({ name: 'tick', handler: async (job: JobContext<{ v: number }>) => void seen.push(job.data.v) });
    await queue.schedule('tick', 'heartbeat', { every: 15, data: { v: 1 } });
    await waitFor(() => seen.length >= 3);
    await queue.schedule('tick', 'heartbeat', { every: 15, data: { v: 2 } });
    await waitFor(() => seen.filter((v) => v === 2).length >= 3);
    expect(seen.slice(seen.indexOf(2))).not.toContain(1);
    expect((await queue.counts()).tick.delayed + (await queue.counts()).tick.waiting).toBe(1);
    await queue.unschedule('tick', 'heartbeat');
    const count = seen.length;
    await sleep(50);
    expect(seen.length).toBeLessThanOrEqual(count + 1);
    expect((await queue.counts()).tick).toMatchObject({ delayed: 0, waiting: 0 });
  });

  it('keeps a cron schedule as one delayed job until its time', async () => {
    queue.define({ name: 'nightly', handler: async () => {} });
    await queue.schedule('nightly', 'reconcile', { pattern: '0 3 * * *' });
    await queue.schedule('nightly', 'reconcile', { pattern: '0 4 * * *' });
    expect((await queue.counts()).nightly).toMatchObject({ delayed: 1, waiting: 0, active: 0 });
  });

  it('respects the concurrency of each job name', async () => {
    let running = 0;
    let peak = 0;
    queue.define({
      name: 'pair',
      concurrency: 2,
      handler: async () => {
        peak = Math.max(peak, ++running);
        await sleep(15);
        running -= 1;
      },
    });
    await Promise.all(Array.from({ length: 6 }, (_, n) => queue.enqueue('pair', { n })));
    await waitFor(async () => (await queue.counts()).pair.completed === 6);
    expect(peak).toBe(2);
  });

  it('waits in close() for an active job, and gives up waiting at the timeout', async () => {
    let finished = false;
    queue.define({ name: 'slow', handler: async () => { await sleep(60); finished = true; } });
    await queue.enqueue('slow', {});
    await waitFor(async () => (await queue.counts()).slow.active === 1);
    await queue.close(5_000);
    expect(finished).toBe(true);
    await expect(queue.enqueue('slow', {})).rejects.toThrow(/closed/);

    const impatient = new InProcessJobQueue({ logger });
    let done = false;
    impatient.define({ name: 'stuck', handler: async () => { await sleep(200); done = true; } });
    await impatient.enqueue('stuck', {});
    await waitFor(async () => (await impatient.counts()).stuck.active === 1);
    await impatient.close(20);
    expect(done).toBe(false);
    expect(logger.lines.at(-1)?.message).toMatch(/still running after 20 ms/);
  });

  it('hands each attempt the JSON form of the data, fresh', async () => {
    const seen: unknown[] = [];
    queue.define({
      name: 'json',
      defaults: { attempts: 2 },
      handler: async (job: JobContext<Record<string, unknown>>) => {
        seen.push(structuredClone(job.data));
        job.data.mutated = true;
        if (seen.length === 1) throw new Error('again');
      },
    });
    await queue.enqueue('json', { at: new Date(0), skip: undefined });
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual([{ at: '1970-01-01T00:00:00.000Z' }, { at: '1970-01-01T00:00:00.000Z' }]);
  });

  it('keeps jobs waiting when it runs no workers', async () => {
    const idle = new InProcessJobQueue({ runWorkers: false, logger });
    let ran = false;
    idle.define({ name: 'parked', handler: async () => void (ran = true) });
    await idle.enqueue('parked', {});
    await sleep(20);
    expect(ran).toBe(false);
    expect((await idle.counts()).parked.waiting).toBe(1);
    await idle.close(10);
  });

  describe('refuses what it cannot honour', () => {
    beforeEach(() => queue.define({ name: 'strict', handler: async () => {} }));
    const bad: [string, JobOptions][] = [
      ['backoff type linear', { attempts: 3, backoff: { type: 'linear' as 'fixed', delay: 10 } }],
      ['negative delay', { delay: -1 }],
      ['fractional delay', { delay: 1.5 }],
      ['zero attempts', { attempts: 0 }],
      ['backoff jitter', { backoff: { type: 'fixed', delay: 10, jitter: 0.5 } as never }],
      ['priority', { priority: 1 } as JobOptions],
      ['empty jobId', { jobId: '' }],
    ];
    it.each(bad)('%s', async (_, options) => {
      await expect(queue.enqueue('strict', {}, options)).rejects.toBeInstanceOf(JobOptionsError);
    });

    it('bad schedules, unknown names, duplicate or malformed definitions, unserialisable data', async () => {
      const schedules = [{ every: 10, pattern: '* * * * *' }, {}, { every: 0 }, { pattern: 'not cron' }] as Schedule[];
      for (const schedule of schedules) await expect(queue.schedule('strict', 'x', schedule)).rejects.toBeInstanceOf(JobOptionsError);
      await expect(queue.schedule('strict', 'a:b', { every: 10 })).rejects.toBeInstanceOf(JobOptionsError);
      await expect(queue.enqueue('nobody', {})).rejects.toThrow(/job nobody is not defined/);
      expect(() => queue.define({ name: 'strict', handler: async () => {} })).toThrow(/already defined/);
      expect(() => queue.define({ name: 'a:b', handler: async () => {} })).toThrow(JobOptionsError);
      expect(() => queue.define({ name: 'c', concurrency: 0, handler: async () => {} })).toThrow(JobOptionsError);
      expect(() => queue.define({ name: 'd', defaults: { delay: -5 }, handler: async () => {} })).toThrow(JobOptionsError);
      await expect(queue.enqueue('strict', { n: 1n })).rejects.toBeInstanceOf(JobOptionsError);
    });
  });
});
