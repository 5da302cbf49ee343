import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { GuildConfig } from '../config/guild-config.js';

export const REDIS = Symbol('REDIS');

/** Closes the shared connection last, after everything that used it. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

/** One shared ioredis connection when REDIS_URL is set (rate limits, health); `null` otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [GuildConfig],
      useFactory: (config: GuildConfig) => (config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false }) : null),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
