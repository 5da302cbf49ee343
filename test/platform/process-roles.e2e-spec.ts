import { JobQueue } from '../../apps/api/src/platform/jobs/job-queue.js';
import { StripeEmulator } from '../../apps/stripe-emulator/src/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { call } from '../support/http.js';
import { testServices } from '../support/services.js';

const services = testServices();

// GUILD_ROLE=api serves HTTP and only enqueues; GUILD_ROLE=worker runs the jobs. They meet in the
// shared PostgreSQL database and Redis, as replicas and workers do in production.
describe('split process roles', () => {
  if (!services.postgres || !services.redis) {
    it('need PostgreSQL and Redis; without them a split role refuses to start', async () => {
      await expect(createTestApp({ GUILD_ROLE: 'worker', DATABASE_URL: '', REDIS_URL: '' })).rejects.toThrow(/GUILD_ROLE=worker needs DATABASE_URL/);
    });
    return;
  }

  let api: TestApp;
  let worker: TestApp;
  // Split processes share one Stripe emulator running on its own, as they would share Stripe.
  const emulator = new StripeEmulator();
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await emulator.close();
  });

  it('refuses to split without a shared Stripe (key or emulator URL)', async () => {
    await expect(createTestApp({ GUILD_ROLE: 'api' })).rejects.toThrow(/GUILD_ROLE=api needs STRIPE_SECRET_KEY or STRIPE_EMULATOR_URL/);
  });

  it('a job enqueued by the api process runs in the worker process', async () => {
    const STRIPE_EMULATOR_URL = await emulator.listen(0);
    api = await createTestApp({ GUILD_ROLE: 'api', STRIPE_EMULATOR_URL });
    worker = await createTestApp({ GUILD_ROLE: 'worker', DATABASE_URL: api.env.DATABASE_URL, GUILD_REDIS_PREFIX: api.env.GUILD_REDIS_PREFIX, GUILD_JWT_SECRET: api.env.GUILD_JWT_SECRET, STRIPE_EMULATOR_URL });
    const ranIn: string[] = [];
    let done!: () => void;
    const ran = new Promise<void>((resolve) => (done = resolve));
    api.app.get(JobQueue).define({ name: 'test-split', handler: async () => void ranIn.push('api') });
    worker.app.get(JobQueue).define({
      name: 'test-split',
      handler: async () => {
        ranIn.push('worker');
        done();
      },
    });
    await api.app.get(JobQueue).enqueue('test-split', {});
    await ran;
    expect(ranIn).toEqual(['worker']);
    expect((await call(api.app, 'GET', '/health')).body.status).toBe('ok');
  });
});
