import type { MigrationInterface } from 'typeorm';

/** The partners domain's entities and migrations, listed in ../schema.ts. */
export const partnersEntities: (new () => object)[] = [];
export const partnersMigrations: (new () => MigrationInterface)[] = [];
