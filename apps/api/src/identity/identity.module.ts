import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { AuditModule } from '../audit/audit.module.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { RedisThrottlerStorage } from '../platform/redis/redis-throttler.storage.js';
import { REDIS } from '../platform/redis/redis.module.js';
import { AccessGuard } from './access.guard.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenStrategy } from './api-token.strategy.js';
import { ApiTokensService } from './api-tokens.service.js';
import { authThrottlers, AuthThrottleGuard } from './auth-throttle.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { FirstAdminService } from './first-admin.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';
import { MeController } from './me.controller.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionPurgeJob } from './session-purge.job.js';
import { SessionsService } from './sessions.service.js';
import { StaffUsersController } from './staff-users.controller.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken, ApiToken]),
    PassportModule,
    AuditModule,
    JwtModule.registerAsync({
      inject: [GuildConfig],
      useFactory: (config: GuildConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'guild' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [GuildConfig, REDIS],
      useFactory: (config: GuildConfig, redis: Redis | null) => ({
        throttlers: authThrottlers(config),
        storage: redis ? new RedisThrottlerStorage(redis, `${config.redisPrefix}:throttle:`) : undefined,
        errorMessage: 'Too many attempts; wait a minute and try again.',
      }),
    }),
  ],
  controllers: [AuthController, MeController, StaffUsersController],
  providers: [
    UsersService,
    SessionsService,
    AuthService,
    ApiTokensService,
    FirstAdminService,
    SessionPurgeJob,
    LocalStrategy,
    JwtStrategy,
    ApiTokenStrategy,
    AuthThrottleGuard,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, FirstAdminService, SessionsService, ApiTokensService, JwtModule],
})
export class IdentityModule {}
