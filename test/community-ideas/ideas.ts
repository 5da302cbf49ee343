import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ContributionsService } from '../../apps/api/src/community/contributions/contributions.service.js';
import type { SignedIn } from '../support/factories.js';
import { call, type CallResult } from '../support/http.js';

// Ideas made and moved through the routes members and moderators use; points read from the ledger.

export interface LedgerLine {
  kind: 'award' | 'revocation';
  source: string;
  points: number;
  awardKey: string;
  reason: string | null;
}

const failed = (what: string, res: CallResult) => new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);

let counter = 0;

export function ideaRoutes(app: () => NestFastifyApplication) {
  const as = (who: SignedIn | null) => (who ? { token: who.accessToken } : {});
  const routes = {
    /** POST /v1/community/ideas; throws unless 201. */
    async submit(who: SignedIn, fields: { title?: string; body?: string; listing?: string } = {}): Promise<any> {
      counter += 1;
      const res = await call(app(), 'POST', '/v1/community/ideas', {
        ...as(who),
        body: { title: `An idea worth building, number ${counter}`, body: `Please add **feature ${counter}**.`, ...fields },
      });
      if (res.status !== 201) throw failed('submitting an idea', res);
      return res.body;
    },
    get: (who: SignedIn | null, id: string) => call(app(), 'GET', `/v1/community/ideas/${id}`, as(who)),
    list: (who: SignedIn | null, query = '') => call(app(), 'GET', `/v1/community/ideas${query ? `?${query}` : ''}`, as(who)),
    vote: (who: SignedIn, id: string) => call(app(), 'PUT', `/v1/community/ideas/${id}/vote`, as(who)),
    retract: (who: SignedIn, id: string) => call(app(), 'DELETE', `/v1/community/ideas/${id}/vote`, as(who)),
    move: (who: SignedIn, id: string, status: string, note = 'Decided after discussion.') =>
      call(app(), 'POST', `/v1/community/ideas/${id}/status`, { ...as(who), body: { status, note } }),
    credit: (who: SignedIn, id: string, commentIds: string[]) => call(app(), 'PUT', `/v1/community/ideas/${id}/credits`, { ...as(who), body: { commentIds } }),
    comment: (who: SignedIn, id: string, body = 'Yes, and it should work offline too.') => call(app(), 'POST', `/v1/community/ideas/${id}/comments`, { ...as(who), body: { body } }),
    hide: (who: SignedIn, id: string, reason = 'Spam for another product.') => call(app(), 'POST', `/v1/staff/community/ideas/${id}/hide`, { ...as(who), body: { reason } }),
    unhide: (who: SignedIn, id: string) => call(app(), 'POST', `/v1/staff/community/ideas/${id}/unhide`, { ...as(who), body: {} }),

    /** Moves an idea along a path of statuses; throws unless every step is 200. */
    async walk(who: SignedIn, id: string, ...statuses: string[]): Promise<any> {
      let last: CallResult | undefined;
      for (const status of statuses) {
        last = await routes.move(who, id, status);
        if (last.status !== 200) throw failed(`moving idea to ${status}`, last);
      }
      return last?.body;
    },

    /** A member's net points, as the ledger computes them. */
    points: (userId: string) => app().get(ContributionsService).total(userId),

    /** The member's lines in the contribution log, oldest first. */
    async ledger(userId: string): Promise<LedgerLine[]> {
      const rows = await app()
        .get(DataSource)
        .query<Array<{ kind: 'award' | 'revocation'; source: string; points: number; award_key: string; reason: string | null }>>(
          `SELECT kind, source, points, award_key, reason FROM contribution_events WHERE user_id = $1 ORDER BY occurred_at, kind`,
          [userId],
        );
      return rows.map((row) => ({ kind: row.kind, source: row.source, points: Number(row.points), awardKey: row.award_key, reason: row.reason }));
    },

    /** The member's notifications about ideas (GET /v1/me/notifications; badges and the like left out), newest first. */
    async notifications(who: SignedIn): Promise<Array<{ kind: string; title: string; body: string; link: string | null }>> {
      const res = await call(app(), 'GET', '/v1/me/notifications?limit=100', as(who));
      if (res.status !== 200) throw failed('reading notifications', res);
      return (res.body.items as Array<{ kind: string; title: string; body: string; link: string | null }>).filter((n) => n.kind.startsWith('idea.'));
    },
  };
  return routes;
}
