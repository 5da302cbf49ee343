import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-http-bearer';
import { ApiTokensService } from './api-tokens.service.js';
import type { Caller } from './caller.js';
import { UsersService } from './users.service.js';

/** Personal API tokens (`Authorization: Bearer gld_…`): the owner's identity, limited to the token's scopes. */
@Injectable()
export class ApiTokenStrategy extends PassportStrategy(Strategy, 'api-token') {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly users: UsersService,
  ) {
    super({ passReqToCallback: true });
  }

  async validate(request: FastifyRequest, secret: string): Promise<Caller | false> {
    const token = await this.tokens.authenticate(secret);
    if (!token) return false;
    const user = await this.users.findById(token.userId);
    return user ? { userId: user.id, roles: user.roles, via: 'token', tokenId: token.id, scopes: token.scopes, ip: request.ip } : false;
  }
}
