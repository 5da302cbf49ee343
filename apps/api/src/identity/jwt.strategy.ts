import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { GuildConfig } from '../platform/config/guild-config.js';
import type { Caller } from './caller.js';
import type { AccessTokenClaims } from './sessions.service.js';
import { UsersService } from './users.service.js';

/** Browser sessions: the short-lived access JWT. Roles are read from the database on each call, so a removed role takes effect at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: GuildConfig,
    private readonly users: UsersService,
  ) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.jwtSecret, algorithms: ['HS256'], passReqToCallback: true });
  }

  async validate(request: FastifyRequest, claims: AccessTokenClaims): Promise<Caller | false> {
    if (claims.typ !== 'access') return false;
    const user = await this.users.findById(claims.sub);
    return user ? { userId: user.id, roles: user.roles, via: 'session', ip: request.ip } : false;
  }
}
