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
 * never load them. `queues` is read on each board request: domains define their jobs (and so their
 * queues) in onModuleInit, after the board is mounted.
 */
export async function mountBullBoard(fastify: FastifyInstance, basePath: string, queues: () => Queue[], preHandler: BoardPreHandler): Promise<void> {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  const board = createBullBoard({ queues: [], serverAdapter });
  let shown: Queue[] = [];
  const sync = async () => {
    const current = queues();
    if (current.length === shown.length && current.every((queue, i) => queue === shown[i])) return;
    board.replaceQueues(current.map((queue) => new BullMQAdapter(queue)));
    shown = current;
  };
  await fastify.register(async (scope) => {
    scope.addHook('preHandler', preHandler);
    scope.addHook('preHandler', sync);
    await scope.register(serverAdapter.registerPlugin(), { prefix: basePath });
  });
}
