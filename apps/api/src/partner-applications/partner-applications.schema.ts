import type { MigrationInterface } from 'typeorm';

/** The partner-applications domain's entities and migrations, listed in ../schema.ts. */
export const partnerApplicationsEntities: (new () => object)[] = [];
export const partnerApplicationsMigrations: (new () => MigrationInterface)[] = [];
