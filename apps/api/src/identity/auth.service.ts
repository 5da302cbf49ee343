import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { SignUpDto } from './auth.dto.js';
import { IdentityError } from './identity.errors.js';
import { DECOY_HASH, verifyPassword } from './password.policy.js';
import { SessionsService, type IssuedSession } from './sessions.service.js';
import type { User } from './user.entity.js';
import { UsersService } from './users.service.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /** Creates the account and signs it in, in one transaction. */
  signUp(input: SignUpDto, ip: string): Promise<IssuedSession> {
    return this.db.transaction(async (manager) => {
      const user = await this.users.create(input, manager);
      await this.audit.record({ action: 'auth.signed_up', actorId: user.id, targetType: 'user', targetId: user.id, ip }, manager);
      return this.sessions.start(user, manager);
    });
  }

  /** Checks a password (in constant work whether or not the email exists); failures are audited. */
  async verifyCredentials(email: string, password: string, ip: string): Promise<User> {
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? DECOY_HASH, password);
    if (!user || !ok) {
      await this.audit.record({
        action: 'auth.sign_in_failed',
        actorId: user?.id ?? null,
        targetType: 'user',
        targetId: user?.id,
        ip,
        details: { email: UsersService.normaliseEmail(email), reason: user ? 'wrong_password' : 'unknown_email' },
      });
      throw new IdentityError('INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    return user;
  }

  signIn(user: User, ip: string): Promise<IssuedSession> {
    return this.db.transaction(async (manager) => {
      await this.audit.record({ action: 'auth.signed_in', actorId: user.id, targetType: 'user', targetId: user.id, ip }, manager);
      return this.sessions.start(user, manager);
    });
  }
}
