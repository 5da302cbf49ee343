import type { MigrationInterface } from 'typeorm';
import { Partners1795400000004 } from './migrations/1795400000004-partners.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import { PartnerMember } from './partner-member.entity.js';
import { Partner } from './partner.entity.js';

/** The partners domain's entities and migrations, listed in ../schema.ts. */
export const partnersEntities: (new () => object)[] = [Partner, PartnerMember, PartnerInvitation];
export const partnersMigrations: (new () => MigrationInterface)[] = [Partners1795400000004];
