// Community helpers for the browser tests: staff with community roles, and contributions seeded
// through the API (the browser tests walk the paths under test; these set the scene).
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { StaffRole } from '@guild/contracts';
import { UsersService } from '../../apps/api/src/identity/users.service.js';
import { call } from '../support/http.js';
import { accessToken, type Person } from './people.js';

/** Creates the users with any staff roles, `moderator` included. */
export async function createStaff(app: NestFastifyApplication, user: Person, staffRoles: StaffRole[]): Promise<void> {
  await app.get(UsersService).create({ ...user, staffRoles });
}

/** The points the published policy gives for a source (read, not hard-coded: the policy is versioned). */
export async function policyPoints(app: NestFastifyApplication, source: string): Promise<number> {
  const response = await call(app, 'GET', '/v1/community/contribution-policy');
  if (response.status !== 200) throw new Error(`policy answered ${response.status}`);
  const rule = (response.body.rules as { source: string; points: number }[]).find((r) => r.source === source);
  if (!rule) throw new Error(`the policy has no rule for ${source}`);
  return rule.points;
}

/** `asker` asks, `answerer` answers and the asker accepts: the answerer earns the accepted-answer points. */
export async function acceptedAnswer(app: NestFastifyApplication, asker: Person, answerer: Person): Promise<void> {
  const askerToken = await accessToken(app, asker);
  const asked = await call(app, 'POST', '/v1/community/questions', {
    token: askerToken,
    body: { title: 'How do I export timesheets to CSV?', body: 'I need a CSV per week for payroll.', tags: ['export'] },
  });
  if (asked.status !== 201) throw new Error(`asking answered ${asked.status}: ${JSON.stringify(asked.body)}`);
  const answered = await call(app, 'POST', `/v1/community/questions/${asked.body.id}/answers`, {
    token: await accessToken(app, answerer),
    body: { body: 'Open Reports, pick Timesheets, then Export and CSV.' },
  });
  if (answered.status !== 201) throw new Error(`answering answered ${answered.status}: ${JSON.stringify(answered.body)}`);
  const accepted = await call(app, 'POST', `/v1/community/answers/${answered.body.id}/accept`, { token: askerToken });
  if (accepted.status !== 200 && accepted.status !== 201) throw new Error(`accepting answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
}
