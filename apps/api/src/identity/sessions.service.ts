import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { IdentityError } from './identity.errors.js';
import { RefreshToken } from './refresh-token.entity.js';
import { hashSecret, newSecret } from './secret-token.js';
import { User } from './user.entity.js';
import { toUserView, type UserView } from './user.view.js';

export interface IssuedSession {
  user: UserView;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

/** Access tokens (short-lived JWTs) and their rotating refresh tokens, grouped in families per sign-in. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly config: GuildConfig,
    private readonly audit: AuditService,
  ) {}

  /** Starts a new family: called on sign-up and sign-in. */
  start(user: User, manager?: EntityManager): Promise<IssuedSession> {
    return this.issue(user, randomUUID(), manager ?? this.db.manager);
  }

  /**
   * Exchanges a refresh token for a new pair. A token already rotated means someone replayed it
   * (the legitimate client only ever holds the newest), so the whole family is revoked.
   */
  async refresh(secret: string | undefined, ip: string): Promise<IssuedSession> {
    if (!secret) throw new IdentityError('REFRESH_INVALID', 'No session to refresh; sign in again.');
    const outcome = await this.db.transaction(async (manager) => {
      const tokens = manager.getRepository(RefreshToken);
      const token = await tokens.findOne({ where: { tokenHash: hashSecret(secret) }, lock: { mode: 'pessimistic_write' } });
      if (!token || token.revokedAt || token.expiresAt <= new Date()) return { kind: 'invalid' as const };
      if (token.rotatedAt) {
        await tokens.update({ familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await this.audit.record({ action: 'auth.refresh_reuse_detected', actorId: token.userId, targetType: 'session', targetId: token.familyId, ip }, manager);
        return { kind: 'reused' as const };
      }
      const user = await manager.getRepository(User).findOneBy({ id: token.userId });
      if (!user) return { kind: 'invalid' as const };
      token.rotatedAt = new Date();
      await tokens.save(token);
      return { kind: 'ok' as const, session: await this.issue(user, token.familyId, manager) };
    });
    if (outcome.kind === 'reused') {
      throw new IdentityError('REFRESH_TOKEN_REUSED', 'This session was refreshed elsewhere, so it was ended for safety; sign in again.');
    }
    if (outcome.kind === 'invalid') throw new IdentityError('REFRESH_INVALID', 'Your session has ended; sign in again.');
    return outcome.session;
  }

  /** Ends the sign-in the refresh token belongs to. Unknown tokens are ignored: signing out is always safe. */
  async end(secret: string | undefined, ip: string): Promise<void> {
    if (!secret) return;
    await this.db.transaction(async (manager) => {
      const tokens = manager.getRepository(RefreshToken);
      const token = await tokens.findOneBy({ tokenHash: hashSecret(secret) });
      if (!token) return;
      await tokens.update({ familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record({ action: 'auth.sign_out', actorId: token.userId, targetType: 'session', targetId: token.familyId, ip }, manager);
    });
  }


  private async issue(user: User, familyId: string, manager: EntityManager): Promise<IssuedSession> {
    const { secret, hash } = newSecret();
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
    await manager.getRepository(RefreshToken).insert({ userId: user.id, familyId, tokenHash: hash, expiresAt: refreshExpiresAt });
    const claims: AccessTokenClaims = { sub: user.id, typ: 'access' };
    const accessToken = this.jwt.sign(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    return { user: toUserView(user), accessToken, expiresIn: this.config.accessTokenTtlSeconds, refreshToken: secret, refreshExpiresAt };
  }
}
