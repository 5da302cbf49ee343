import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';

/** A namespace nobody else in the run uses (letters only, so no two fold to the same look-alike by chance). */
export function freshNamespace(): string {
  return `ns${[...randomBytes(8)].map((b) => 'abcdefghjkmnpqstuxyz'[b % 20]).join('')}`;
}

export function applicationBody(namespace = freshNamespace(), extra: Record<string, unknown> = {}) {
  return {
    organisationName: `Org ${namespace}`,
    website: 'https://example.com',
    namespace,
    plan: 'We will build invoice and CRM integrations for small teams.',
    links: ['https://github.com/example/plugin'],
    ...extra,
  };
}

/** Helpers bound to one app: applying and deciding as the tests' people would. */
export function applicationSteps(app: () => NestFastifyApplication) {
  const steps = {
    apply: (who: SignedIn, body: Record<string, unknown> = applicationBody()) => call(app(), 'POST', '/v1/partner-applications', { token: who.accessToken, body }),
    async submitted(who: SignedIn, body: Record<string, unknown> = applicationBody()): Promise<{ id: string; namespace: string }> {
      const res = await steps.apply(who, body);
      if (res.status !== 201) throw new Error(`apply failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    decide: (reviewer: SignedIn, id: string, action: 'approve' | 'reject' | 'request-changes', message?: string) =>
      call(app(), 'POST', `/v1/staff/partner-applications/${id}/${action}`, { token: reviewer.accessToken, body: message === undefined ? {} : { message } }),
    /** Moves a timestamp back, as if the time had passed. */
    async age(id: string, column: 'decided_at' | 'submitted_at', hours: number): Promise<void> {
      await app().get(DataSource).query(`UPDATE partner_applications SET ${column} = ${column} - make_interval(hours => $2) WHERE id = $1`, [id, hours]);
    },
  };
  return steps;
}
