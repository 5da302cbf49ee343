// Bull Board mounted by mountBullBoard: behind the caller's pre-handler, listing the driver's queues.
import Fastify, { type FastifyInstance } from 'fastify';
import { bullBoardQueues, mountBullBoard } from '../../apps/api/src/platform/jobs/bull-board.js';
import type { JobQueue } from '../../apps/api/src/platform/jobs/job-queue.js';
import { jobDrivers } from './job-drivers.js';

const BASE = '/v1/staff/queues';
const drivers = await jobDrivers();

describe.each(drivers)('mountBullBoard: $name driver', (driver) => {
  let jobs: JobQueue;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    jobs = driver.create();
    jobs.define({ name: 'payouts-transfer', handler: async () => {} });
    jobs.define({ name: 'tiers-evaluate', handler: async () => {} });
    fastify = Fastify();
    fastify.get('/elsewhere', async () => ({ ok: true }));
    await mountBullBoard(fastify, BASE, () => bullBoardQueues(jobs), async (request, reply) => {
      if (request.headers.authorization !== 'Bearer admin') return reply.status(401).send({ error: { code: 'UNAUTHENTICATED' } });
    });
    await fastify.ready();
  });
  afterAll(async () => {
    await fastify.close();
    await jobs.close(1_000);
    await driver.cleanup();
  });

  it('puts every board route behind the pre-handler, and nothing else', async () => {
    for (const url of [`${BASE}/`, `${BASE}/api/queues`, `${BASE}/static/js/main.js`]) {
      expect((await fastify.inject({ url })).statusCode).toBe(401);
    }
    expect((await fastify.inject({ url: '/elsewhere' })).statusCode).toBe(200);
  });

  it('serves the board and lists the queues to an allowed caller', async () => {
    const headers = { authorization: 'Bearer admin' };
    const page = await fastify.inject({ url: `${BASE}/`, headers });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const api = await fastify.inject({ url: `${BASE}/api/queues`, headers });
    expect(api.statusCode).toBe(200);
    const names = api.json<{ queues: { name: string }[] }>().queues.map((queue) => queue.name).sort();
    expect(names).toEqual(driver.name === 'bullmq' ? ['payouts-transfer', 'tiers-evaluate'] : []);
  });
});
