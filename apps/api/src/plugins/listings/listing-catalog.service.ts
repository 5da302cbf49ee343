import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import { containsPattern, keysetPage, toPage, type PageQuery } from '../../platform/http/pagination.js';
import { PluginListing } from '../entities/plugin-listing.entity.js';
import { ListingAccess } from '../listing-access.service.js';
import { ListingViews } from './listing-views.service.js';
import type { CatalogQuery } from './listing.dto.js';
import type { ListingPage, ListingView } from './listing.view.js';

/** Reading listings: one by name, a partner's own, and the public catalog. */
@Injectable()
export class ListingCatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ListingAccess,
    private readonly partners: PartnerAccess,
    private readonly views: ListingViews,
  ) {}

  /**
   * Anyone sees a public listing of an active partner; its partner's members and reviewers also see
   * drafts (and listings of a suspended partner). Everyone else gets the same 404 as for no listing.
   */
  async get(caller: Caller | null, namespace: string, plugin: string): Promise<ListingView> {
    const { listing, insider } = await this.access.visible(caller, namespace, plugin);
    return this.views.one(listing, insider ? 'insider' : 'public');
  }

  /** Every listing of the partner, drafts included, newest first: for its members (any role). */
  async ofPartner(caller: Caller, namespace: string, query: PageQuery): Promise<ListingPage> {
    const { partner } = await this.partners.requireMember(caller, namespace);
    const qb = this.db.getRepository(PluginListing).createQueryBuilder('l').where('l.partnerId = :partnerId', { partnerId: partner.id });
    const limit = keysetPage(qb, query, { column: 'createdAt' });
    const rows = await qb.getMany();
    const page = toPage(rows, limit, (row) => row);
    return { items: await this.views.many(page.items, 'insider'), nextCursor: page.nextCursor };
  }

  /** Public listings of active partners, newest publication first. The catalog domain will bring real search. */
  async catalog(query: CatalogQuery): Promise<ListingPage> {
    const qb = this.db
      .getRepository(PluginListing)
      .createQueryBuilder('l')
      .innerJoin('l.partner', 'p')
      .where(`l.status = 'public' AND l.published IS NOT NULL AND l.publishedAt IS NOT NULL AND p.status = 'active'`);
    if (query.category) qb.andWhere(`l.published -> 'categories' @> CAST(:categories AS jsonb)`, { categories: JSON.stringify([query.category]) });
    const q = query.q?.trim();
    if (q) {
      const pattern = containsPattern(q);
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('l.name LIKE :pattern', { pattern })
            .orWhere(`lower(l.published ->> 'displayName') LIKE :pattern`)
            .orWhere(`lower(l.published ->> 'summary') LIKE :pattern`),
        ),
      );
    }
    const limit = keysetPage(qb, query, { column: 'publishedAt' });
    const rows = await qb.getMany();
    const page = toPage(rows, limit, (row) => row, (row) => ({ createdAt: row.publishedAt!, id: row.id }));
    return { items: await this.views.many(page.items, 'public'), nextCursor: page.nextCursor };
  }
}
