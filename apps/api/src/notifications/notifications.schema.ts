import type { MigrationInterface } from 'typeorm';

/** The notifications domain's entities and migrations, listed in ../schema.ts. */
export const notificationsEntities: (new () => object)[] = [];
export const notificationsMigrations: (new () => MigrationInterface)[] = [];
