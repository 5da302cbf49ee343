import type { MigrationInterface } from 'typeorm';
import { Notifications1795400000003 } from './migrations/1795400000003-notifications.js';
import { Notification } from './notification.entity.js';
import { OutboxEmail } from './outbox-email.entity.js';

/** The notifications domain's entities and migrations, listed in ../schema.ts. */
export const notificationsEntities: (new () => object)[] = [Notification, OutboxEmail];
export const notificationsMigrations: (new () => MigrationInterface)[] = [Notifications1795400000003];
