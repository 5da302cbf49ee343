import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { JobQueue } from '../platform/jobs/job-queue.js';
import { RefreshToken } from './refresh-token.entity.js';

export const SESSION_PURGE_JOB = 'identity.purge-sessions';
/** Ended sessions are kept this long after they end, so a replayed token is still recognised (and audited) as reuse. */
const KEEP_ENDED_DAYS = 30;

/** Nightly: deletes refresh tokens that expired or were revoked more than KEEP_ENDED_DAYS ago. */
@Injectable()
export class SessionPurgeJob implements OnModuleInit {
  private readonly logger = new Logger(SessionPurgeJob.name);

  constructor(
    private readonly jobs: JobQueue,
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
  ) {}

  async onModuleInit(): Promise<void> {
    this.jobs.define({ name: SESSION_PURGE_JOB, handler: async () => void (await this.run()), defaults: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } });
    await this.jobs.schedule(SESSION_PURGE_JOB, 'nightly', { pattern: '17 3 * * *' });
  }

  async run(): Promise<number> {
    const result = await this.tokens
      .createQueryBuilder()
      .delete()
      .where(`expires_at < now() - make_interval(days => :days) OR revoked_at < now() - make_interval(days => :days)`, { days: KEEP_ENDED_DAYS })
      .execute();
    const purged = result.affected ?? 0;
    if (purged) this.logger.log(`Purged ${purged} ended refresh tokens`);
    return purged;
  }
}
