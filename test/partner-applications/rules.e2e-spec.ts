import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { applicationBody, applicationSteps, freshNamespace } from './applications.js';

describe('partner applications: the rules', () => {
  const suite = useTestApp();
  const steps = applicationSteps(() => suite.ctx.app);

  it('allows one open application per member', async () => {
    const applicant = await suite.make.newMember();
    const reviewer = await suite.make.newStaff('reviewer');
    const { id } = await steps.submitted(applicant);
    const second = await steps.apply(applicant);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('APPLICATION_ALREADY_OPEN');
    await steps.decide(reviewer, id, 'request-changes', 'More detail, please.');
    expect((await steps.apply(applicant)).body.error.code).toBe('APPLICATION_ALREADY_OPEN');
  });

  it('makes a rejected member wait the cooling period, counted from the decision', async () => {
    const applicant = await suite.make.newMember();
    const reviewer = await suite.make.newStaff('reviewer');
    const { id } = await steps.submitted(applicant);
    const rejected = await steps.decide(reviewer, id, 'reject', 'Not yet.');

    const early = await steps.apply(applicant);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('REAPPLY_COOLDOWN');
    const availableAt = new Date(early.body.error.details.availableAt as string).getTime();
    expect(availableAt).toBe(new Date(rejected.body.decidedAt as string).getTime() + 30 * 86_400_000);

    await steps.age(id, 'decided_at', 29 * 24);
    expect((await steps.apply(applicant)).body.error.code).toBe('REAPPLY_COOLDOWN');
    await steps.age(id, 'decided_at', 24);
    expect((await steps.apply(applicant)).status).toBe(201);
  });

  it('refuses malformed, reserved, taken and look-alike namespaces, and says so before submitting', async () => {
    const owner = await suite.make.newMember();
    const applicant = await suite.make.newMember();
    const reviewer = await suite.make.newStaff('reviewer');
    const check = async (namespace: string, who = applicant) =>
      (await call(suite.ctx.app, 'GET', `/v1/partner-applications/namespace-check?namespace=${encodeURIComponent(namespace)}`, { token: who.accessToken })).body;

    expect(await check('acme')).toEqual({ namespace: 'acme', available: true });
    const { id } = await steps.submitted(owner, applicationBody('acme'));
    // An open application holds its namespace; its own applicant still sees it as theirs.
    expect(await check('acme')).toMatchObject({ available: false, code: 'NAMESPACE_TAKEN' });
    expect(await check('acme', owner)).toEqual({ namespace: 'acme', available: true });
    expect((await steps.apply(applicant, applicationBody('acme'))).body.error.code).toBe('NAMESPACE_TAKEN');
    await steps.decide(reviewer, id, 'approve');

    const cases: Array<[string, number, string, unknown?]> = [
      ['Acme_Tools', 400, 'NAMESPACE_INVALID'],
      ['ab', 400, 'NAMESPACE_INVALID'],
      ['admin', 400, 'NAMESPACE_RESERVED'],
      ['guild-tools', 400, 'NAMESPACE_RESERVED'],
      ['acme', 409, 'NAMESPACE_TAKEN'],
      ['acrne', 409, 'NAMESPACE_TOO_SIMILAR', { similarTo: 'acme' }],
      ['ac-me', 409, 'NAMESPACE_TOO_SIMILAR', { similarTo: 'acme' }],
    ];
    for (const [namespace, status, code, details] of cases) {
      const res = await steps.apply(applicant, applicationBody(namespace));
      expect([namespace, res.status, res.body.error.code]).toEqual([namespace, status, code]);
      if (details) expect(res.body.error.details).toMatchObject(details);
      expect(await check(namespace)).toMatchObject({ namespace, available: false, code, message: expect.any(String) });
    }
    expect((await call(suite.ctx.app, 'GET', '/v1/partner-applications/mine', { token: applicant.accessToken })).body.items).toEqual([]);
  });

  it('keeps racing applications to one per member and one per namespace look-alike', async () => {
    const applicant = await suite.make.newMember();
    const twice = await Promise.all([steps.apply(applicant), steps.apply(applicant)]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(twice.find((r) => r.status === 409)!.body.error.code).toBe('APPLICATION_ALREADY_OPEN');

    const [one, two] = [await suite.make.newMember(), await suite.make.newMember()];
    const namespace = freshNamespace();
    const lookAlike = `${namespace.slice(0, 4)}-${namespace.slice(4)}`;
    const racing = await Promise.all([steps.apply(one, applicationBody(namespace)), steps.apply(two, applicationBody(lookAlike))]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(racing.find((r) => r.status === 409)!.body.error.code).toBe('NAMESPACE_TOO_SIMILAR');
  });

  it('validates the form fields', async () => {
    const applicant = await suite.make.newMember();
    const res = await steps.apply(applicant, {
      organisationName: 'A',
      website: 'ftp://example.com',
      namespace: freshNamespace(),
      plan: 'short',
      links: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['links', 'organisationName', 'plan', 'website']);
    expect((await steps.apply(applicant, applicationBody(freshNamespace(), { links: ['javascript:alert(1)'] }))).status).toBe(400);
  });

  it('keeps applications private to their applicant and the reviewers', async () => {
    const applicant = await suite.make.newMember();
    const stranger = await suite.make.newMember();
    const finance = await suite.make.newStaff('finance');
    const admin = await suite.make.newStaff('admin');
    const { id } = await steps.submitted(applicant);

    for (const who of [stranger, finance]) {
      for (const [method, path] of [['GET', ''], ['PATCH', ''], ['POST', '/withdraw'], ['POST', '/resubmit']]) {
        const res = await call(suite.ctx.app, method, `/v1/partner-applications/${id}${path}`, { token: who.accessToken, body: method === 'PATCH' ? { plan: 'A takeover attempt, long enough.' } : undefined });
        expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 404, 'APPLICATION_NOT_FOUND']);
      }
    }
    const adminView = await call(suite.ctx.app, 'GET', `/v1/partner-applications/${id}`, { token: admin.accessToken });
    expect(adminView.body.community.memberSince).toEqual(expect.any(String));
    expect((await call(suite.ctx.app, 'GET', '/v1/partner-applications/00000000-0000-4000-8000-000000000000', { token: admin.accessToken })).status).toBe(404);

    for (const who of [applicant, finance]) {
      for (const [method, url] of [
        ['GET', '/v1/staff/partner-applications'],
        ['POST', `/v1/staff/partner-applications/${id}/approve`],
        ['POST', `/v1/staff/partner-applications/${id}/reject`],
        ['POST', `/v1/staff/partner-applications/${id}/request-changes`],
      ]) {
        const res = await call(suite.ctx.app, method, url, { token: who.accessToken, body: method === 'POST' ? { message: 'self-approved' } : undefined });
        expect([url, res.status, res.body.error.code]).toEqual([url, 403, 'STAFF_ROLE_REQUIRED']);
      }
    }
    const mine = await call(suite.ctx.app, 'GET', '/v1/partner-applications/mine', { token: applicant.accessToken });
    expect(mine.body.items[0]).toMatchObject({ id, status: 'submitted' });
  });

  it('lets the applicant edit and resubmit only while changes are requested', async () => {
    const applicant = await suite.make.newMember();
    const reviewer = await suite.make.newStaff('reviewer');
    const { id } = await steps.submitted(applicant);
    const edit = (body: Record<string, unknown>) => call(suite.ctx.app, 'PATCH', `/v1/partner-applications/${id}`, { token: applicant.accessToken, body });

    const early = await edit({ organisationName: 'Renamed Org' });
    expect([early.status, early.body.error.code]).toEqual([409, 'APPLICATION_STATE']);
    const resubmit = await call(suite.ctx.app, 'POST', `/v1/partner-applications/${id}/resubmit`, { token: applicant.accessToken });
    expect([resubmit.status, resubmit.body.error.code]).toEqual([409, 'APPLICATION_STATE']);

    await steps.decide(reviewer, id, 'request-changes', 'Please pick another namespace.');
    expect((await edit({ namespace: 'admin' })).body.error.code).toBe('NAMESPACE_RESERVED');
    const renamed = freshNamespace();
    const edited = await edit({ namespace: renamed, links: [], website: null });
    expect(edited.body).toMatchObject({ namespace: renamed, links: [], website: null, status: 'changes_requested' });
    await call(suite.ctx.app, 'POST', `/v1/partner-applications/${id}/resubmit`, { token: applicant.accessToken });

    const late = await edit({ organisationName: 'Renamed again' });
    expect([late.status, late.body.error.code]).toEqual([409, 'APPLICATION_STATE']);
    await steps.decide(reviewer, id, 'approve');
    expect((await edit({ organisationName: 'After approval' })).body.error.code).toBe('APPLICATION_STATE');
  });

  it('gives one decision when two reviewers act at once', async () => {
    const admin = await suite.make.newStaff('admin');
    const [first, second] = [await suite.make.newStaff('reviewer'), await suite.make.newStaff('reviewer')];
    for (let round = 0; round < 3; round += 1) {
      const applicant = await suite.make.newMember();
      const { id, namespace } = await steps.submitted(applicant);
      const results = await Promise.all([steps.decide(first, id, 'approve'), steps.decide(second, id, 'reject', 'No.')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.error.code).toBe('APPLICATION_STATE');
      const winner = results.find((r) => r.status === 200)!;

      const mine = await call(suite.ctx.app, 'GET', '/v1/partner-applications/mine', { token: applicant.accessToken });
      expect(mine.body.items[0].status).toBe(winner.body.status);
      expect(mine.body.items[0].history.filter((h: { action: string }) => h.action !== 'submitted')).toHaveLength(1);
      const audit = await call(suite.ctx.app, 'GET', `/v1/staff/audit?targetId=${id}`, { token: admin.accessToken });
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([`partner_application.${winner.body.status as string}`]);
      const notes = await call(suite.ctx.app, 'GET', '/v1/me/notifications', { token: applicant.accessToken });
      expect(notes.body.items).toHaveLength(1);
      const profile = await call(suite.ctx.app, 'GET', `/v1/partners/${namespace}`);
      expect(profile.status).toBe(winner.body.status === 'approved' ? 200 : 404);
    }
  });
});
