import { DataSource } from 'typeorm';
import { SESSION_PURGE_JOB, SessionPurgeJob } from '../../apps/api/src/identity/session-purge.job.js';
import { JobQueue } from '../../apps/api/src/platform/jobs/job-queue.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('purging ended sessions', () => {
  const suite = useTestApp();

  it('is a scheduled job', async () => {
    expect(Object.keys(await suite.ctx.app.get(JobQueue).counts())).toContain(SESSION_PURGE_JOB);
  });

  it('deletes refresh tokens that ended over 30 days ago, and keeps the rest working', async () => {
    const db = suite.ctx.app.get(DataSource);
    const expired = await suite.make.newMember('expired');
    const revoked = await suite.make.newMember('revoked');
    const recent = await suite.make.newMember('recent');
    const live = await suite.make.newMember('live');
    await db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '31 days' WHERE user_id = $1`, [expired.id]);
    await db.query(`UPDATE refresh_tokens SET revoked_at = now() - interval '31 days' WHERE user_id = $1`, [revoked.id]);
    await db.query(`UPDATE refresh_tokens SET revoked_at = now() - interval '29 days' WHERE user_id = $1`, [recent.id]);

    expect(await suite.ctx.app.get(SessionPurgeJob).run()).toBe(2);

    const left = await db.query<Array<{ user_id: string }>>('SELECT user_id FROM refresh_tokens WHERE user_id = ANY($1)', [[expired.id, revoked.id, recent.id, live.id]]);
    expect(left.map((r) => r.user_id).sort()).toEqual([recent.id, live.id].sort());
    expect((await call(suite.ctx.app, 'POST', '/v1/auth/refresh', { cookies: { guild_refresh: live.refreshToken } })).status).toBe(200);
  });
});
