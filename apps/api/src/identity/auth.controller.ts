import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { SignInGuard } from './sign-in.guard.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GuildConfig } from '../platform/config/guild-config.js';
import { Access } from './access.decorator.js';
import { AuthThrottleGuard } from './auth-throttle.js';
import { AuthResult, SignInDto, SignUpDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { ClientIp } from './caller.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';
import type { IssuedSession } from './sessions.service.js';
import { SessionsService } from './sessions.service.js';
import type { User } from './user.entity.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: GuildConfig,
  ) {}

  @Post('sign-up')
  @Access.public()
  @UseGuards(AuthThrottleGuard)
  @ApiCreatedResponse({ type: AuthResult, description: 'Signed up and signed in; sets the refresh cookie.' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED' })
  async signUp(@Body() body: SignUpDto, @ClientIp() ip: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResult> {
    return this.respond(reply, await this.auth.signUp(body, ip));
  }

  @Post('sign-in')
  @HttpCode(200)
  @Access.public()
  @UseGuards(AuthThrottleGuard, SignInGuard)
  @ApiBody({ type: SignInDto })
  @ApiOkResponse({ type: AuthResult, description: 'Sets a rotating refresh token in an httpOnly cookie.' })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED' })
  async signIn(@Req() request: FastifyRequest & { user: User }, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResult> {
    return this.respond(reply, await this.auth.signIn(request.user, request.ip));
  }

  @Post('refresh')
  @HttpCode(200)
  @Access.public()
  @ApiOkResponse({ type: AuthResult, description: 'Rotates the refresh cookie. Replaying a rotated one ends the whole session.' })
  @ApiUnauthorizedResponse({ description: 'REFRESH_INVALID or REFRESH_TOKEN_REUSED' })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResult> {
    try {
      return this.respond(reply, await this.sessions.refresh(readRefreshCookie(request), request.ip));
    } catch (error) {
      clearRefreshCookie(reply, this.config);
      throw error;
    }
  }

  @Post('sign-out')
  @HttpCode(204)
  @Access.public()
  @ApiNoContentResponse({ description: 'Ends this sign-in (its whole refresh-token family) and clears the cookie.' })
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.end(readRefreshCookie(request), request.ip);
    clearRefreshCookie(reply, this.config);
  }

  private respond(reply: FastifyReply, session: IssuedSession): AuthResult {
    setRefreshCookie(reply, this.config, session.refreshToken, session.refreshExpiresAt);
    return { user: session.user, accessToken: session.accessToken, expiresIn: session.expiresIn };
  }
}
