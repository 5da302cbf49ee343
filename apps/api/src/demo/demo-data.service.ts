import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Role, StaffRole } from '@guild/contracts';
import { CommunityDemo } from '../community/community-demo.service.js';
import { FirstAdminService } from '../identity/first-admin.service.js';
import { UsersService } from '../identity/users.service.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { announce } from '../platform/logging/announce.js';

export const DEMO_PASSWORD = 'guild-demo-password';

export const DEMO_ACCOUNTS: Array<{ email: string; displayName: string; staffRoles: StaffRole[]; what: string }> = [
  { email: 'buyer@demo.guild', displayName: 'Bea Buyer', staffRoles: [], what: 'a customer who buys and installs add-ons' },
  { email: 'partner@demo.guild', displayName: 'Pat Partner', staffRoles: [], what: 'a future partner (applies to the program)' },
  { email: 'reviewer@demo.guild', displayName: 'Rae Reviewer', staffRoles: ['reviewer'], what: 'staff: reviews partners and versions' },
  { email: 'moderator@demo.guild', displayName: 'Mo Moderator', staffRoles: ['moderator'], what: 'staff: moderates the community, moves ideas, invites advocates' },
  { email: 'finance@demo.guild', displayName: 'Fin Finance', staffRoles: ['finance'], what: 'staff: approves payouts and refunds' },
  { email: 'admin@demo.guild', displayName: 'Ada Admin', staffRoles: ['admin'], what: 'staff: roles, policy, audit log' },
];

/** At start: the first admin, then, on an empty database with GUILD_DEMO_DATA on, the demo accounts. */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly users: UsersService,
    private readonly firstAdmin: FirstAdminService,
    private readonly config: GuildConfig,
    private readonly community: CommunityDemo,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsHttp) return; // one process seeds; workers never do
    const empty = (await this.users.count()) === 0;
    await this.firstAdmin.ensure();
    if (empty && this.config.demoData) await this.load();
  }

  async load(): Promise<void> {
    const people = new Map<string, { id: string; roles: Role[] }>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await this.users.create({ ...account, password: DEMO_PASSWORD });
      people.set(account.email.split('@')[0], { id: user.id, roles: user.roles });
    }
    const person = (name: string) => people.get(name)!;
    await this.community.load({ buyer: person('buyer'), partner: person('partner'), reviewer: person('reviewer'), moderator: person('moderator') });
    this.logger.log(`Loaded ${DEMO_ACCOUNTS.length} demo accounts`);
    announce(this.config, [
      `Demo data loaded. Sign in at ${this.config.publicUrl}/sign-in with password "${DEMO_PASSWORD}" as:`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(22)} ${a.what}`),
      `The community has questions, answers and ideas to start from: ${this.config.publicUrl}/community`,
    ]);
  }
}
