import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

// PostgreSQL keeps microseconds; a cursor holds a JS Date (milliseconds). Rows whose times differ
// only in microseconds must still each appear exactly once when paged.
describe('cursor pages over rows created within the same millisecond', () => {
  const s = useTestApp();

  it('return every API token exactly once, in a stable order', async () => {
    const member = await s.make.newMember('pager');
    for (let i = 0; i < 12; i++) {
      const created = await call(s.ctx.app, 'POST', '/v1/me/tokens', { token: member.accessToken, body: { name: `token ${i}`, scopes: ['profile:read'] } });
      expect(created.status).toBe(201);
    }
    // Spread them over microseconds of one millisecond, as rows written together would be.
    await s.ctx.app.get(DataSource).query(
      `UPDATE api_tokens t SET created_at = timestamptz '2026-11-23 10:00:00.123' + make_interval(secs => n.i / 1000000.0)
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM api_tokens WHERE user_id = $1) n WHERE t.id = n.id`,
      [member.id],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=5&cursor=${encodeURIComponent(cursor)}` : '?limit=5';
      const page = await call(s.ctx.app, 'GET', `/v1/me/tokens${query}`, { token: member.accessToken });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });
});
