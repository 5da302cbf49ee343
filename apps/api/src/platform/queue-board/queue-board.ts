import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UsersService } from '../../identity/users.service.js';
import { GuildConfig } from '../config/guild-config.js';
import { bullBoardQueues, mountBullBoard } from '../jobs/bull-board.js';
import { JobQueue } from '../jobs/job-queue.js';

export const BOARD_PATH = '/v1/staff/queues';
export const BOARD_COOKIE = 'guild_board';
export const BOARD_SESSION_SECONDS = 15 * 60;

/**
 * Mounts Bull Board (Redis deployments) at /v1/staff/queues for admins. Its routes are plain Fastify
 * routes outside Nest's guards, so this pre-handler does the admin check itself: a session access
 * token in the Authorization header, or the board cookie from POST /v1/staff/jobs/board-session.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  if (!app.get(GuildConfig).redisUrl) return;
  const jobs = app.get(JobQueue);
  const jwt = app.get(JwtService);
  const users = app.get(UsersService);
  const deny = (reply: FastifyReply, status: number, code: string, message: string) => reply.status(status).send({ error: { code, message } });

  const requireAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? request.cookies?.[BOARD_COOKIE];
    let claims: { sub: string; typ: string } | undefined;
    try {
      claims = token ? jwt.verify<{ sub: string; typ: string }>(token) : undefined;
    } catch {
      claims = undefined;
    }
    const expected = bearer ? 'access' : 'board';
    if (!claims || claims.typ !== expected) return deny(reply, 401, 'UNAUTHENTICATED', 'Sign in as an admin, then POST /v1/staff/jobs/board-session.');
    const user = await users.findById(claims.sub);
    if (!user) return deny(reply, 401, 'UNAUTHENTICATED', 'Sign in as an admin.');
    if (!user.staffRoles.includes('admin')) return deny(reply, 403, 'STAFF_ROLE_REQUIRED', 'The queue board is for admins.');
  };
  await mountBullBoard(app.getHttpAdapter().getInstance(), BOARD_PATH, () => bullBoardQueues(jobs), requireAdmin);
}
