// Every entity and migration of every domain, in one place for TypeORM (app and CLI alike).
import { AuditEvent } from './audit/audit-event.entity.js';
import { Audit1795400000001 } from './audit/migrations/1795400000001-audit.js';
import { ApiToken } from './identity/api-token.entity.js';
import { Identity1795400000000 } from './identity/migrations/1795400000000-identity.js';
import { RefreshToken } from './identity/refresh-token.entity.js';
import { User } from './identity/user.entity.js';
import { notificationsEntities, notificationsMigrations } from './notifications/notifications.schema.js';
import { partnerApplicationsEntities, partnerApplicationsMigrations } from './partner-applications/partner-applications.schema.js';
import { partnersEntities, partnersMigrations } from './partners/partners.schema.js';
import { CursorPrecision1795400000006 } from './platform/database/migrations/1795400000006-cursor-precision.js';
import { Stripe1795400000002 } from './stripe/migrations/1795400000002-stripe.js';
import { StripeEventRecord } from './stripe/stripe-event.entity.js';

export const entities = [User, RefreshToken, ApiToken, AuditEvent, StripeEventRecord, ...notificationsEntities, ...partnersEntities, ...partnerApplicationsEntities];
export const migrations = [Identity1795400000000, Audit1795400000001, Stripe1795400000002, ...notificationsMigrations, ...partnersMigrations, ...partnerApplicationsMigrations, CursorPrecision1795400000006];
