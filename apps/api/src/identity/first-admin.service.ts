import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ArrayContains, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { announce } from '../platform/logging/announce.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

export const EMBEDDED_ADMIN_EMAIL = 'admin@guild.local';

/**
 * Makes sure someone can administer Guild: the admin named by GUILD_ADMIN_EMAIL/PASSWORD, or, on
 * embedded defaults with no admin yet, a generated one whose password is printed this once.
 */
@Injectable()
export class FirstAdminService {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly accounts: UsersService,
    private readonly audit: AuditService,
    private readonly config: GuildConfig,
  ) {}

  async ensure(): Promise<void> {
    if (this.config.adminEmail && this.config.adminPassword) return this.ensureConfigured(this.config.adminEmail, this.config.adminPassword);
    if (await this.users.existsBy({ staffRoles: ArrayContains(['admin']) })) return;
    if (!this.config.embedded) {
      this.logger.warn('No admin exists. Set GUILD_ADMIN_EMAIL and GUILD_ADMIN_PASSWORD and restart to create one.');
      return;
    }
    const password = randomBytes(12).toString('base64url');
    const user = await this.accounts.create({ email: EMBEDDED_ADMIN_EMAIL, password, displayName: 'Guild admin', staffRoles: ['admin'] });
    await this.audit.record({ action: 'staff.admin_bootstrapped', targetType: 'user', targetId: user.id });
    announce(this.config, ['First admin created (this password is shown only once):', `  email:    ${EMBEDDED_ADMIN_EMAIL}`, `  password: ${password}`]);
  }

  private async ensureConfigured(email: string, password: string): Promise<void> {
    const existing = await this.accounts.findByEmail(email);
    if (existing?.staffRoles.includes('admin')) return;
    if (existing) {
      existing.staffRoles = [...existing.staffRoles, 'admin'];
      await this.users.save(existing);
      await this.audit.record({ action: 'staff.role_granted', targetType: 'user', targetId: existing.id, details: { role: 'admin', by: 'GUILD_ADMIN_EMAIL' } });
      return;
    }
    const user = await this.accounts.create({ email, password, displayName: 'Guild admin', staffRoles: ['admin'] });
    await this.audit.record({ action: 'staff.admin_bootstrapped', targetType: 'user', targetId: user.id, details: { by: 'GUILD_ADMIN_EMAIL' } });
    this.logger.log(`Admin ${email} created from GUILD_ADMIN_EMAIL`);
  }
}
