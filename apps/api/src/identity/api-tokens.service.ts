import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { keysetPage, type Page, type PageQuery, toPage } from '../platform/http/pagination.js';
import type { ApiTokenView, CreateApiTokenDto, CreatedApiTokenView } from './api-token.dto.js';
import { ApiToken } from './api-token.entity.js';
import type { Caller } from './caller.js';
import { IdentityError } from './identity.errors.js';
import { hashSecret, newSecret } from './secret-token.js';

export const API_TOKEN_PREFIX = 'gld_';
/** Active tokens a user may hold at once: enough for every CI pipeline, few enough to review. */
export const MAX_ACTIVE_TOKENS = 50;
/** lastUsedAt is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiTokensService {
  constructor(
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, input: CreateApiTokenDto): Promise<CreatedApiTokenView> {
    const { secret, hash } = newSecret(API_TOKEN_PREFIX);
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const token = await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`api-tokens:${caller.userId}`]);
      const active = await manager
        .getRepository(ApiToken)
        .createQueryBuilder('t')
        .where('t.userId = :userId AND t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > now())', { userId: caller.userId })
        .getCount();
      if (active >= MAX_ACTIVE_TOKENS) {
        throw new IdentityError('TOKEN_LIMIT_REACHED', `You already have ${MAX_ACTIVE_TOKENS} active tokens; revoke one you no longer use.`);
      }
      const created = await manager.getRepository(ApiToken).save(
        manager.getRepository(ApiToken).create({
          userId: caller.userId,
          name: input.name,
          scopes: input.scopes,
          prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
          tokenHash: hash,
          expiresAt,
        }),
      );
      await this.audit.record(
        { action: 'token.created', actorId: caller.userId, targetType: 'api_token', targetId: created.id, ip: caller.ip, details: { name: input.name, scopes: input.scopes } },
        manager,
      );
      return created;
    });
    return { ...toView(token), token: secret };
  }

  async list(caller: Caller, query: PageQuery): Promise<Page<ApiTokenView>> {
    const qb = this.tokens.createQueryBuilder('t').where('t.userId = :userId AND t.revokedAt IS NULL', { userId: caller.userId });
    const limit = keysetPage(qb, query, { column: 'createdAt' });
    return toPage(await qb.getMany(), limit, toView);
  }

  /** Revokes one of the caller's own tokens; someone else's token answers 404 like a missing one. */
  async revoke(caller: Caller, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const result = await manager.getRepository(ApiToken).update({ id, userId: caller.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!result.affected) throw new IdentityError('TOKEN_NOT_FOUND', 'You have no active token with this id.');
      await this.audit.record({ action: 'token.revoked', actorId: caller.userId, targetType: 'api_token', targetId: id, ip: caller.ip }, manager);
    });
  }

  /** The live token for a presented secret, or null (unknown, revoked or expired). */
  async authenticate(secret: string): Promise<ApiToken | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    const token = await this.tokens.findOneBy({ tokenHash: hashSecret(secret) });
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= new Date())) return null;
    const now = new Date();
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.update({ id: token.id, lastUsedAt: token.lastUsedAt ?? IsNull() }, { lastUsedAt: now });
    }
    return token;
  }
}

function toView(token: ApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

