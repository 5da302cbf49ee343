// One behavioural contract, run against both JobQueue drivers: what passes here holds in
// production (BullMQ on Redis) and on a laptop (in-process) alike.
import { performance } from 'node:perf_hooks';
import { JobOptionsError } from '../../apps/api/src/platform/jobs/job-options.policy.js';
import type { JobContext, JobQueue } from '../../apps/api/src/platform/jobs/job-queue.js';
import { jobDrivers, type DriverOptions } from './job-drivers.js';
import { recordingLogger, sleep, SLACK_MS, waitFor } from './timing.js';

const drivers = await jobDrivers();

describe.each(drivers)('JobQueue contract: $name driver', (driver) => {
  const open: JobQueue[] = [];
  const create = (options?: DriverOptions) => {
    const queue = driver.create(options);
    open.push(queue);
    return queue;
  };
  const count = async (queue: JobQueue, name: string) => (await queue.counts())[name];

  afterEach(async () => {
    await Promise.all(open.splice(0).map((queue) => queue.close(2_000)));
  });
  afterAll(() => driver.cleanup());

  it('retries with exponential backoff, handing the handler attemptsMade', async () => {
    const queue = create();
    const runs: { at: number; attemptsMade: number; attempts: number }[] = [];
    queue.define({
      name: 'flaky',
      handler: async ({ attemptsMade, attempts }) => {
        runs.push({ at: performance.now(), attemptsMade, attempts });
        if (runs.length < 3) throw new Error(`boom ${runs.length}`);
      },
    });
    await queue.enqueue('flaky', {}, { attempts: 3, backoff: { type: 'exponential', delay: 30 } });
    await waitFor(async () => (await count(queue, 'flaky')).completed === 1);
    expect(runs.map(({ attemptsMade, attempts }) => [attemptsMade, attempts])).toEqual([[0, 3], [1, 3], [2, 3]]);
    expect(runs[1].at - runs[0].at).toBeGreaterThanOrEqual(30 - SLACK_MS);
    expect(runs[2].at - runs[1].at).toBeGreaterThanOrEqual(60 - SLACK_MS);
  });

  it('records a job that always fails as failed after its last attempt, and logs its name and id', async () => {
    const logger = recordingLogger();
    const queue = create({ logger });
    queue.define({
      name: 'hopeless',
      defaults: { attempts: 2, backoff: { type: 'fixed', delay: 10 } },
      handler: async () => {
        throw new Error('never works');
      },
    });
    const id = await queue.enqueue('hopeless', { payoutId: 'po_1' });
    await waitFor(async () => (await count(queue, 'hopeless')).failed === 1);
    expect(await count(queue, 'hopeless')).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1, completed: 0 });
    const [failure] = await queue.failures('hopeless');
    expect(failure).toMatchObject({ id, name: 'hopeless', data: { payoutId: 'po_1' }, attemptsMade: 2, reason: 'never works' });
    expect(failure.failedAt).toBeInstanceOf(Date);
    await waitFor(() => logger.lines.some((line) => line.level === 'error'));
    expect(logger.lines.map((line) => line.level)).toEqual(['warn', 'error']);
    expect(logger.lines[1].message).toContain(`job hopeless ${id} failed after 2 attempt(s): never works`);
  });

  it('lists failures newest first, up to the limit', async () => {
    const queue = create();
    queue.define({
      name: 'broken',
      handler: async (job: JobContext<{ n: number }>) => {
        throw new Error(`broken ${job.data.n}`);
      },
    });
    for (const n of [1, 2, 3]) {
      await queue.enqueue('broken', { n });
      await waitFor(async () => (await count(queue, 'broken')).failed === n);
      await sleep(2);
    }
    expect((await queue.failures('broken', 2)).map((failure) => failure.reason)).toEqual(['broken 3', 'broken 2']);
  });

  it('runs a delayed job no earlier than its delay', async () => {
    const queue = create();
    let ranAt = 0;
    queue.define({ name: 'later', handler: async () => void (ranAt = performance.now()) });
    const enqueuedAt = performance.now();
    await queue.enqueue('later', {}, { delay: 60 });
    expect(await count(queue, 'later')).toMatchObject({ delayed: 1, waiting: 0 });
    await waitFor(() => ranAt > 0);
    expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(60 - SLACK_MS);
  });

  it('treats a duplicate jobId as a no-op while the first job is pending, and frees it once it is done', async () => {
    const queue = create();
    const seen: unknown[] = [];
    queue.define({ name: 'dedup', handler: async (job) => void seen.push(job.data) });
    const first = await queue.enqueue('dedup', { n: 1 }, { jobId: 'order-7', delay: 40 });
    expect(await queue.enqueue('dedup', { n: 2 }, { jobId: 'order-7' })).toBe(first);
    await waitFor(() => seen.length === 1);
    await waitFor(async () => (await count(queue, 'dedup')).completed === 1);
    const again = await queue.enqueue('dedup', { n: 3 }, { jobId: 'order-7' });
    expect(again).not.toBe(first);
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('fires an `every` schedule repeatedly; an upsert replaces it; unschedule stops it', async () => {
    const queue = create();
    const seen: number[] = [];
    queue.define({ name: 'tick', handler: async (job: JobContext<{ v: number }>) => void seen.push(job.data.v) });
    await queue.schedule('tick', 'heartbeat', { every: 25, data: { v: 1 } });
    await waitFor(() => seen.length >= 3);
    await queue.schedule('tick', 'heartbeat', { every: 25, data: { v: 2 } });
    await waitFor(() => seen.filter((v) => v === 2).length >= 3);
    expect(seen.slice(seen.indexOf(2))).not.toContain(1);
    await queue.unschedule('tick', 'heartbeat');
    await sleep(30);
    const settled = seen.length;
    await sleep(80);
    expect(seen.length).toBe(settled);
    expect(await count(queue, 'tick')).toMatchObject({ waiting: 0, delayed: 0 });
  });

  it('keeps a cron schedule as one delayed job until its time, also after an upsert', async () => {
    const queue = create();
    queue.define({ name: 'nightly', handler: async () => {} });
    await queue.schedule('nightly', 'reconcile', { pattern: '0 3 * * *' });
    await queue.schedule('nightly', 'reconcile', { pattern: '30 3 * * *', data: { scope: 'all' } });
    expect(await count(queue, 'nightly')).toMatchObject({ delayed: 1, waiting: 0, active: 0 });
  });

  it('respects the concurrency of each job name', async () => {
    const queue = create();
    let running = 0;
    let peak = 0;
    queue.define({
      name: 'pair',
      concurrency: 2,
      handler: async () => {
        peak = Math.max(peak, ++running);
        await sleep(30);
        running -= 1;
      },
    });
    for (let n = 0; n < 6; n++) await queue.enqueue('pair', { n });
    await waitFor(async () => (await count(queue, 'pair')).completed === 6);
    expect(peak).toBe(2);
  });

  it('waits in close() for an active job', async () => {
    const queue = create();
    let finished = false;
    queue.define({
      name: 'slow',
      handler: async () => {
        await sleep(100);
        finished = true;
      },
    });
    await queue.enqueue('slow', {});
    await waitFor(async () => (await count(queue, 'slow')).active === 1);
    await queue.close(5_000);
    expect(finished).toBe(true);
    await expect(queue.enqueue('slow', {})).rejects.toThrow(/closed/);
  });

  it('hands handlers the JSON form of the data', async () => {
    const queue = create();
    const seen: unknown[] = [];
    queue.define({ name: 'json', handler: async (job) => void seen.push(job.data) });
    await queue.enqueue('json', { at: new Date(0), gone: undefined, list: [1, 'a'] });
    await queue.enqueue('json', undefined);
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual([{ at: '1970-01-01T00:00:00.000Z', list: [1, 'a'] }, {}]);
  });

  it('without workers, records handlers and takes jobs but runs none', async () => {
    const queue = create({ runWorkers: false });
    let ran = false;
    queue.define({ name: 'parked', handler: async () => void (ran = true) });
    queue.define({ name: 'idle', handler: async () => {} });
    await queue.enqueue('parked', {});
    await sleep(50);
    expect(ran).toBe(false);
    expect(await queue.counts()).toEqual({
      parked: { waiting: 1, active: 0, delayed: 0, failed: 0, completed: 0 },
      idle: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
    });
  });

  it('refuses options it cannot honour, and unknown job names', async () => {
    const queue = create();
    queue.define({ name: 'strict', handler: async () => {} });
    await expect(queue.enqueue('strict', {}, { backoff: { type: 'linear' as 'fixed', delay: 10 } })).rejects.toBeInstanceOf(JobOptionsError);
    await expect(queue.enqueue('strict', {}, { delay: -1 })).rejects.toBeInstanceOf(JobOptionsError);
    await expect(queue.enqueue('strict', {}, { attempts: 0 })).rejects.toBeInstanceOf(JobOptionsError);
    await expect(queue.schedule('strict', 'both', { every: 10, pattern: '* * * * *' } as never)).rejects.toBeInstanceOf(JobOptionsError);
    await expect(queue.schedule('strict', 'bad', { pattern: 'every tuesday' })).rejects.toBeInstanceOf(JobOptionsError);
    await expect(queue.enqueue('nobody', {})).rejects.toThrow(/job nobody is not defined/);
    expect(await count(queue, 'strict')).toMatchObject({ waiting: 0, delayed: 0 });
  });
});
