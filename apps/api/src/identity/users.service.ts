import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager, type Repository } from 'typeorm';
import type { StaffRole } from '@guild/contracts';
import { AuditService } from '../audit/audit.service.js';
import { containsPattern, keysetPage, type Page, toPage } from '../platform/http/pagination.js';
import type { Caller } from './caller.js';
import { IdentityError } from './identity.errors.js';
import { assertAcceptablePassword, hashPassword } from './password.policy.js';
import type { StaffUsersQuery } from './staff-users.dto.js';
import { User } from './user.entity.js';
import { toStaffUserView, toUserView, type StaffUserView, type UserView } from './user.view.js';

/** Serialises staff-role changes, so two admins demoting each other cannot leave nobody in charge. */
const ROLE_CHANGE_LOCK = 7_301_001;

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  staffRoles?: StaffRole[];
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  static normaliseEmail(email: string): string {
    return email.trim().toLowerCase();
  }

  async create(input: NewUser, manager?: EntityManager): Promise<User> {
    const email = UsersService.normaliseEmail(input.email);
    assertAcceptablePassword(input.password, { email, displayName: input.displayName });
    const passwordHash = await hashPassword(input.password);
    const repository = manager ? manager.getRepository(User) : this.users;
    // ON CONFLICT instead of a read-then-insert, so two racing sign-ups get one 201 and one 409.
    const result = await repository
      .createQueryBuilder()
      .insert()
      .values({ email, displayName: input.displayName, passwordHash, staffRoles: input.staffRoles ?? [] })
      .orIgnore()
      .returning('*')
      .execute();
    const id = (result.raw as Array<{ id: string }>)[0]?.id;
    if (!id) throw new IdentityError('EMAIL_TAKEN', 'An account with this email already exists; sign in instead.', [{ field: 'email', messages: ['This email is already registered.'] }]);
    return repository.findOneByOrFail({ id });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: UsersService.normaliseEmail(email) });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /**
   * Email and display name of each of `ids` that exists, for other domains (which do not read the
   * users table themselves). Pass the caller's transaction as `manager` when inside one.
   */
  async contacts(ids: readonly string[], manager?: EntityManager): Promise<Map<string, Pick<User, 'id' | 'email' | 'displayName'>>> {
    if (ids.length === 0) return new Map();
    const repository = manager ? manager.getRepository(User) : this.users;
    const rows = await repository.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, email: true, displayName: true } });
    return new Map(rows.map((user) => [user.id, { id: user.id, email: user.email, displayName: user.displayName }]));
  }

  /** What the community shows of each of `ids` that exists (no email): name, staff roles, when they joined. */
  async publicProfiles(ids: readonly string[], manager?: EntityManager): Promise<Map<string, Pick<User, 'id' | 'displayName' | 'staffRoles' | 'createdAt'>>> {
    if (ids.length === 0) return new Map();
    const repository = manager ? manager.getRepository(User) : this.users;
    const rows = await repository.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, displayName: true, staffRoles: true, createdAt: true } });
    return new Map(rows.map((user) => [user.id, { id: user.id, displayName: user.displayName, staffRoles: user.staffRoles, createdAt: user.createdAt }]));
  }

  async me(caller: Caller): Promise<UserView> {
    return toUserView(await this.require(caller.userId));
  }

  async updateProfile(caller: Caller, displayName: string): Promise<UserView> {
    const user = await this.require(caller.userId);
    user.displayName = displayName;
    return toUserView(await this.users.save(user));
  }

  async list(query: StaffUsersQuery): Promise<Page<StaffUserView>> {
    const qb = this.users.createQueryBuilder('u');
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(new Brackets((w) => w.where('u.email LIKE :pattern', { pattern }).orWhere('lower(u.displayName) LIKE :pattern', { pattern })));
    }
    if (query.role) qb.andWhere(':role = ANY(u.staffRoles)', { role: query.role });
    const limit = keysetPage(qb, query, { column: 'createdAt' });
    return toPage(await qb.getMany(), limit, toStaffUserView);
  }

  async getForStaff(id: string): Promise<StaffUserView> {
    return toStaffUserView(await this.require(id));
  }

  /** Grants or removes a staff role; idempotent, audited only when something changed. */
  async setStaffRole(caller: Caller, userId: string, role: StaffRole, granted: boolean): Promise<StaffUserView> {
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ROLE_CHANGE_LOCK]);
      const repository = manager.getRepository(User);
      const user = await repository.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new IdentityError('USER_NOT_FOUND', 'No user has this id.');
      const has = user.staffRoles.includes(role);
      if (has === granted) return toStaffUserView(user);
      if (!granted && role === 'admin') {
        const [{ count }] = await manager.query<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM users WHERE 'admin' = ANY(staff_roles)`);
        if (count <= 1) throw new IdentityError('LAST_ADMIN', 'This is the last admin; grant admin to someone else first.');
      }
      user.staffRoles = granted ? [...user.staffRoles, role] : user.staffRoles.filter((r) => r !== role);
      await repository.save(user);
      await this.audit.record(
        { action: granted ? 'staff.role_granted' : 'staff.role_removed', actorId: caller.userId, targetType: 'user', targetId: user.id, ip: caller.ip, details: { role } },
        manager,
      );
      return toStaffUserView(user);
    });
  }

  private async require(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new IdentityError('USER_NOT_FOUND', 'No user has this id.');
    return user;
  }
}
