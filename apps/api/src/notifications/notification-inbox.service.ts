import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { Caller } from '../identity/caller.js';
import { keysetPage, type Page, toPage } from '../platform/http/pagination.js';
import type { NotificationsQuery, NotificationView } from './notifications.dto.js';
import { Notification } from './notification.entity.js';
import { NotificationsError } from './notifications.errors.js';

/** A signed-in user's own notifications: every query is scoped to the caller. */
@Injectable()
export class NotificationInboxService {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  async list(caller: Caller, query: NotificationsQuery): Promise<Page<NotificationView>> {
    const qb = this.notifications.createQueryBuilder('n').where('n.userId = :userId', { userId: caller.userId });
    if (query.unread === 'true') qb.andWhere('n.readAt IS NULL');
    if (query.unread === 'false') qb.andWhere('n.readAt IS NOT NULL');
    const limit = keysetPage(qb, query, { column: 'createdAt' });
    return toPage(await qb.getMany(), limit, toNotificationView);
  }

  async unreadCount(caller: Caller): Promise<{ count: number }> {
    return { count: await this.notifications.countBy({ userId: caller.userId, readAt: IsNull() }) };
  }

  /** Marks one read; reading it again keeps the first time it was read. */
  async markRead(caller: Caller, id: string): Promise<NotificationView> {
    await this.notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'COALESCE(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId: caller.userId })
      .execute();
    const notification = await this.notifications.findOneBy({ id, userId: caller.userId });
    if (!notification) throw NotificationsError.notFound();
    return toNotificationView(notification);
  }

  async markAllRead(caller: Caller): Promise<{ updated: number }> {
    const result = await this.notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId: caller.userId })
      .execute();
    return { updated: result.affected ?? 0 };
  }
}

export function toNotificationView(row: Notification): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
