import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BullMqJobQueue } from './bullmq.driver.js';
import type { JobQueue } from './job-queue.js';

/** The BullMQ queues behind the facade; none for the in-process driver. */
export function bullBoardQueues(jobQueue: JobQueue): Queue[] {
  return jobQueue instanceof BullMqJobQueue ? jobQueue.queues() : [];
}

/** Runs before every board route (page, API, static files); sending a reply stops the request there. */
export type BoardPreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * Mounts Bull Board at `basePath` (e.g. `/v1/staff/queues`) in its own Fastify scope, so
 * `preHandler` guards exactly the board's routes. Call it before the server listens. The board's
 * packages load only here, so in-process deployments (and code that merely imports this file)
 * never load them.
 */
export async function mountBullBoard(fastify: FastifyInstance, basePath: string, queues: Queue[], preHandler: BoardPreHandler): Promise<void> {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
  await fastify.register(async (scope) => {
    scope.addHook('preHandler', preHandler);
    await scope.register(serverAdapter.registerPlugin(), { prefix: basePath });
  });
}
