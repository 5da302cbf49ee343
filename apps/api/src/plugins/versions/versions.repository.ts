import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { PartnerRole } from '@guild/contracts';
import { keysetPage, toPage, type Page, type PageQuery } from '../../platform/http/pagination.js';
import { PluginReviewEvent } from '../entities/plugin-review-event.entity.js';
import { PluginReview } from '../entities/plugin-review.entity.js';
import { PluginVersion } from '../entities/plugin-version.entity.js';

export type LoadedReviewEvent = PluginReviewEvent & { actor?: { id: string; displayName: string } | null };

/** The versions domain's SQL. Every method takes the manager to run on: the transaction's, inside one. */
@Injectable()
export class VersionsRepository {
  /** With `lock`, the row stays locked until the transaction ends, so state changes run one at a time. */
  find(manager: EntityManager, listingId: string, version: string, options: { lock?: boolean } = {}): Promise<PluginVersion | null> {
    return manager.getRepository(PluginVersion).findOne({ where: { listingId, version }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  save(manager: EntityManager, version: PluginVersion): Promise<PluginVersion> {
    return manager.getRepository(PluginVersion).save(version);
  }

  /** Every version number of a listing (withdrawn and rejected ones too), with its package digest. */
  numbers(manager: EntityManager, listingId: string): Promise<Array<{ id: string; version: string; sha256: string }>> {
    return manager.getRepository(PluginVersion).find({ where: { listingId }, select: { id: true, version: true, sha256: true } });
  }

  review(manager: EntityManager, versionId: string, options: { lock?: boolean } = {}): Promise<PluginReview | null> {
    return manager.getRepository(PluginReview).findOne({ where: { versionId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async reviewStatuses(manager: EntityManager, versionIds: string[]): Promise<Map<string, PluginReview['status']>> {
    if (versionIds.length === 0) return new Map();
    const reviews = await manager.getRepository(PluginReview).find({ where: { versionId: In(versionIds) }, select: { versionId: true, status: true } });
    return new Map(reviews.map((review) => [review.versionId!, review.status]));
  }

  history(manager: EntityManager, reviewId: string): Promise<LoadedReviewEvent[]> {
    return manager.getRepository(PluginReviewEvent).find({ where: { reviewId }, relations: { actor: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Newest first; with `publishedOnly`, only versions whose review approved them. */
  async page(manager: EntityManager, listingId: string, query: PageQuery, publishedOnly: boolean): Promise<Page<PluginVersion>> {
    const qb = manager.getRepository(PluginVersion).createQueryBuilder('v').where('v.listingId = :listingId', { listingId });
    if (publishedOnly) qb.andWhere(`EXISTS (SELECT 1 FROM plugin_reviews r WHERE r.version_id = v.id AND r.status = 'approved')`);
    const limit = keysetPage(qb, query, { column: 'createdAt' });
    return toPage(await qb.getMany(), limit, (row) => row);
  }

  async displayName(manager: EntityManager, userId: string | null): Promise<{ id: string; displayName: string } | null> {
    if (!userId) return null;
    const [row] = await manager.query<Array<{ id: string; display_name: string }>>(`SELECT id, display_name FROM users WHERE id = $1`, [userId]);
    return row ? { id: row.id, displayName: row.display_name } : null;
  }

  /** The partner's members holding one of `roles` (who is told about a staff yank). */
  async memberIds(manager: EntityManager, partnerId: string, roles: readonly PartnerRole[]): Promise<string[]> {
    const rows = await manager.query<Array<{ user_id: string }>>(`SELECT user_id FROM partner_members WHERE partner_id = $1 AND role = ANY($2::text[])`, [partnerId, [...roles]]);
    return rows.map((row) => row.user_id);
  }
}
