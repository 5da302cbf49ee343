// Shared by the browser tests: people with a password to sign in with, and an approved partner made
// through the API (the partner program's own test walks that path in the browser).
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { UsersService } from '../../apps/api/src/identity/users.service.js';
import { call } from '../support/http.js';

/** Every browser test user's password: strong enough for the sign-up rules. */
export const PASSWORD = 'violet-anchor-93-trellis';

export interface Person {
  email: string;
  displayName: string;
  password: string;
}

let seq = 0;
export const person = (label: string, displayName: string): Person => ({ email: `${label}.${Date.now()}.${seq++}@example.com`, displayName, password: PASSWORD });

export const uniqueNamespace = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

export async function accessToken(app: NestFastifyApplication, user: Person): Promise<string> {
  const response = await call(app, 'POST', '/v1/auth/sign-in', { body: { email: user.email, password: user.password } });
  if (response.status !== 200) throw new Error(`sign-in of ${user.email} answered ${response.status}`);
  return response.body.accessToken as string;
}

/** Creates the users (a staff role makes a staff member). */
export async function createUsers(app: NestFastifyApplication, ...users: (Person & { staffRoles?: ('reviewer' | 'admin')[] })[]): Promise<void> {
  for (const user of users) await app.get(UsersService).create(user);
}

/** An approved partner owned by `owner` (who must exist), through the API: apply, then a reviewer of its own approves. */
export async function approvedPartner(app: NestFastifyApplication, owner: Person, name: string, namespace: string): Promise<void> {
  const approver = person('approver', 'Application Approver');
  await createUsers(app, { ...approver, staffRoles: ['reviewer'] });
  const applied = await call(app, 'POST', '/v1/partner-applications', {
    token: await accessToken(app, owner),
    body: { organisationName: name, namespace, plan: 'Cart and checkout add-ons for the shops we already work with.' },
  });
  if (applied.status !== 201) throw new Error(`application answered ${applied.status}: ${JSON.stringify(applied.body)}`);
  const approved = await call(app, 'POST', `/v1/staff/partner-applications/${applied.body.id}/approve`, { token: await accessToken(app, approver), body: {} });
  if (approved.status !== 200) throw new Error(`approval answered ${approved.status}: ${JSON.stringify(approved.body)}`);
}
