import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
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

  /** Newest first; with `publishedOnly`, only versions a reviewer approved (approval sets publishedAt, and nothing unsets it). */
  async page(manager: EntityManager, listingId: string, query: PageQuery, publishedOnly: boolean): Promise<Page<PluginVersion>> {
    const qb = manager.getRepository(PluginVersion).createQueryBuilder('v').where('v.listingId = :listingId', { listingId });
    if (publishedOnly) qb.andWhere('v.publishedAt IS NOT NULL');
    const limit = keysetPage(qb, query, { column: 'createdAt' });
    return toPage(await qb.getMany(), limit, (row) => row);
  }


}
