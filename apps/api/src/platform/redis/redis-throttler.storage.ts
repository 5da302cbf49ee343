import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

// One round trip: count the hit, start the window on the first one, and start a block when the
// limit is passed. Returns hits, ms left in the window, ms left in the block (<= 0: not blocked).
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}`;

/**
 * @nestjs/throttler storage on Redis, so limits hold across API replicas. (The community package for
 * this declares peer support only up to Nest 11; the contract is one method, so it lives here.)
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'guild:throttle:',
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const base = `${this.prefix}${throttlerName}:${key}`;
    const [hits, ttlLeft, blockLeft] = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration || ttl)) as [number, number, number];
    const isBlocked = blockLeft > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlLeft / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockLeft / 1000) : 0,
    };
  }
}
