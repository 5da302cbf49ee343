import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { GuildConfig } from '../config/guild-config.js';
import { DomainError } from '../http/domain-error.js';
import { JobQueue } from '../jobs/job-queue.js';
import { BOARD_COOKIE, BOARD_PATH, BOARD_SESSION_SECONDS } from './queue-board.js';

class FailuresQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** Staff's view of background jobs: counts on both drivers, recent failures, and the Bull Board door. */
@ApiTags('staff')
@Controller('staff/jobs')
export class StaffJobsController {
  constructor(
    private readonly jobs: JobQueue,
    private readonly jwt: JwtService,
    private readonly config: GuildConfig,
  ) {}

  @Get()
  @Access.staff('admin')
  @ApiOkResponse({ description: 'Per job name: waiting, active, delayed, failed, completed.' })
  async counts() {
    return { driver: this.config.redisUrl ? 'bullmq' : 'in-process', board: this.config.redisUrl ? `${BOARD_PATH}/` : null, queues: await this.jobs.counts() };
  }

  @Get(':name/failures')
  @Access.staff('admin')
  @ApiOkResponse({ description: 'Jobs of this name that failed for good, newest first.' })
  async failures(@Param('name') name: string, @Query() query: FailuresQuery) {
    const counts = await this.jobs.counts();
    if (!counts[name]) throw new DomainError('JOB_NAME_UNKNOWN', 404, `No job is named "${name}"; GET /v1/staff/jobs lists them.`);
    return { items: await this.jobs.failures(name, query.limit ?? 50) };
  }

  /** Opens the Bull Board for a browser: a short-lived cookie, sent only to the board's path. */
  @Post('board-session')
  @HttpCode(204)
  @Access.staff('admin')
  @ApiNoContentResponse({ description: `Sets a ${BOARD_SESSION_SECONDS / 60}-minute cookie for ${BOARD_PATH}/ (Redis deployments only).` })
  openBoard(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply): void {
    if (!this.config.redisUrl) throw new DomainError('QUEUE_BOARD_UNAVAILABLE', 409, 'The Bull Board needs Redis (REDIS_URL); in-process jobs are listed at GET /v1/staff/jobs.');
    const token = this.jwt.sign({ sub: caller.userId, typ: 'board' }, { expiresIn: BOARD_SESSION_SECONDS });
    void reply.setCookie(BOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: BOARD_PATH, maxAge: BOARD_SESSION_SECONDS });
  }
}
