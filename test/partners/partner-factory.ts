import { randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { PartnerRole } from '@guild/contracts';
import { PartnersService } from '../../apps/api/src/partners/partners.service.js';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';

export interface TestPartner {
  id: string;
  namespace: string;
  name: string;
}

let counter = 0;

/** Partners as staff approval would create them (applications are not needed), and members added directly. */
export function partnerFactories(app: NestFastifyApplication) {
  const db = () => app.get(DataSource);
  return {
    async newPartner(owner: { id: string }, overrides: { name?: string; namespace?: string; website?: string | null } = {}): Promise<TestPartner> {
      counter += 1;
      const namespace = overrides.namespace ?? `org${counter}-${randomBytes(3).toString('hex')}`;
      const name = overrides.name ?? `Org ${counter}`;
      const created = await app
        .get(PartnersService)
        .createForApplication({ applicationId: randomUUID(), name, website: overrides.website ?? null, namespace, ownerId: owner.id }, db().manager);
      return { id: created.id, namespace: created.namespace, name };
    },
    async addMember(partner: TestPartner, user: { id: string }, role: Exclude<PartnerRole, 'owner'>): Promise<void> {
      await db().query(`INSERT INTO partner_members (partner_id, user_id, role) VALUES ($1, $2, $3)`, [partner.id, user.id, role]);
    },
    /** The invitation link's token, read from the email in the outbox (the only place it appears). */
    async invitationToken(admin: SignedIn, email: string): Promise<string> {
      const outbox = await call(app, 'GET', '/v1/staff/outbox?limit=100', { token: admin.accessToken });
      const mail = (outbox.body.items as Array<{ to: string; text: string }>).find((item) => item.to === email.toLowerCase());
      const token = mail?.text.match(/\/invitations\/(gpi_[A-Za-z0-9_-]+)/)?.[1];
      if (!token) throw new Error(`no invitation email to ${email} in the outbox`);
      return token;
    },
  };
}
