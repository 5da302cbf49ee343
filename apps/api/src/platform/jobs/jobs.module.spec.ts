import { Test } from '@nestjs/testing';
import { bullBoardQueues } from './bull-board.js';
import { BullMqJobQueue } from './bullmq.driver.js';
import { InProcessJobQueue } from './in-process.driver.js';
import { JobQueue } from './job-queue.js';
import { createJobQueue, JobsModule } from './jobs.module.js';

describe('JobsModule', () => {
  it('provides the in-process driver without a Redis URL, and drains it when Nest shuts down', async () => {
    const app = await Test.createTestingModule({ imports: [JobsModule.forRoot({ runWorkers: true })] }).compile();
    await app.init();
    const jobs = app.get(JobQueue);
    expect(jobs).toBeInstanceOf(InProcessJobQueue);
    expect(bullBoardQueues(jobs)).toEqual([]);

    let finished = false;
    jobs.define({
      name: 'slow',
      handler: async () => {
        await new Promise((resolve) => setTimeout(resolve, 40));
        finished = true;
      },
    });
    await jobs.enqueue('slow', {});
    await new Promise((resolve) => setTimeout(resolve, 10));
    await app.close();
    expect(finished).toBe(true);
    await expect(jobs.enqueue('slow', {})).rejects.toThrow(/closed/);
  });

  it('picks BullMQ when given a Redis URL, and refuses in-process jobs without workers', async () => {
    const jobs = createJobQueue({ redisUrl: 'redis://127.0.0.1:1', runWorkers: false, drainTimeoutMs: 10 });
    expect(jobs).toBeInstanceOf(BullMqJobQueue);
    await jobs.close();
    expect(() => createJobQueue({ runWorkers: false })).toThrow(/runWorkers: false needs a redisUrl/);
  });
});
