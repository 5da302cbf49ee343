import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthIndicatorFunction } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { Access } from '../../identity/access.decorator.js';
import { REDIS } from '../redis/redis.module.js';

@ApiTags('platform')
@Controller({ path: 'health' })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  @Get()
  @Access.public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Database (and Redis, when configured) answer.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; `error` names it.' })
  check() {
    const checks: HealthIndicatorFunction[] = [() => this.database.pingCheck('database', { timeout: 2_000 })];
    if (this.redis) checks.push(() => this.pingRedis());
    return this.health.check(checks);
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      await Promise.race([this.redis!.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000))]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
