import type { MigrationInterface } from 'typeorm';
import { PartnerApplications1795400000005 } from './migrations/1795400000005-partner-applications.js';
import { PartnerApplicationEvent } from './partner-application-event.entity.js';
import { PartnerApplication } from './partner-application.entity.js';

/** The partner-applications domain's entities and migrations, listed in ../schema.ts. */
export const partnerApplicationsEntities: (new () => object)[] = [PartnerApplication, PartnerApplicationEvent];
export const partnerApplicationsMigrations: (new () => MigrationInterface)[] = [PartnerApplications1795400000005];
