import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ContributionsService } from '../../apps/api/src/community/contributions/contributions.service.js';
import type { SignedIn } from './factories.js';
import { call } from './http.js';

// Community content made through the routes members use, and points read from the ledger.

let counter = 0;

/** A question asked by `member` (a unique title and body unless given). */
export async function ask(app: NestFastifyApplication, member: SignedIn, overrides: Record<string, unknown> = {}): Promise<{ id: string } & Record<string, any>> {
  counter += 1;
  const body = { title: `How do I configure plugin number ${counter}?`, body: `I tried the settings page (question ${counter}).`, ...overrides };
  const response = await call(app, 'POST', '/v1/community/questions', { token: member.accessToken, body });
  if (response.status !== 201) throw new Error(`asking failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** An answer by `member` to the question. */
export async function answer(app: NestFastifyApplication, member: SignedIn, questionId: string, body = 'Open the settings and turn it on.'): Promise<{ id: string } & Record<string, any>> {
  const response = await call(app, 'POST', `/v1/community/questions/${questionId}/answers`, { token: member.accessToken, body: { body } });
  if (response.status !== 201) throw new Error(`answering failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A member's net points, all time, from the ledger. */
export function pointsOf(app: NestFastifyApplication, userId: string): Promise<number> {
  return app.get(ContributionsService).total(userId);
}

export interface LogLine {
  kind: 'award' | 'revocation';
  source: string;
  points: number;
  awardKey: string;
  reason: string | null;
}

/** A member's lines in the contribution log, oldest first. */
export async function logOf(app: NestFastifyApplication, userId: string): Promise<LogLine[]> {
  const rows = await app
    .get(DataSource)
    .query<Array<{ kind: LogLine['kind']; source: string; points: number; award_key: string; reason: string | null }>>(
      `SELECT kind, source, points, award_key, reason FROM contribution_events WHERE user_id = $1 ORDER BY occurred_at, kind`,
      [userId],
    );
  return rows.map((row) => ({ kind: row.kind, source: row.source, points: Number(row.points), awardKey: row.award_key, reason: row.reason }));
}
