import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PartnerAccess } from '../partners/partner-access.service.js';
import type { PluginListing } from './entities/plugin-listing.entity.js';
import { PUBLISHER_ROLES } from './listing-access.service.js';

export interface PublisherNotice {
  kind: string;
  title: string;
  body: string;
}

/** The partner's listing page in the portal, where every notice about a listing points. */
export function listingLink(name: string): string {
  const [namespace, plugin] = name.split('/');
  return `/partners/${namespace}/plugins/${plugin}`;
}

/** Tells a listing's publishers (its partner's owner and developers) in the portal and by email, inside `tx`. */
@Injectable()
export class PublisherNotices {
  constructor(
    private readonly partners: PartnerAccess,
    private readonly notifications: NotificationsService,
  ) {}

  async send(tx: EntityManager, listing: Pick<PluginListing, 'name' | 'partnerId'>, notice: PublisherNotice): Promise<void> {
    const link = listingLink(listing.name);
    for (const userId of await this.partners.memberIds(listing.partnerId, PUBLISHER_ROLES, tx)) {
      await this.notifications.notify({ userId, ...notice, link, email: true }, tx);
    }
  }
}
