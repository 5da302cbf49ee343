import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { applicationBody, applicationSteps, freshNamespace } from './applications.js';

describe('partner applications: from applying to a partner', () => {
  const suite = useTestApp();
  const steps = applicationSteps(() => suite.ctx.app);
  const get = (url: string, token: string) => call(suite.ctx.app, 'GET', url, { token });

  it('takes an application through review, changes and approval to a partner the applicant owns', async () => {
    const applicant = await suite.make.newMember('ada');
    const reviewer = await suite.make.newStaff('reviewer');
    const admin = await suite.make.newStaff('admin');
    const namespace = freshNamespace();

    const applied = await steps.apply(applicant, applicationBody(namespace, { website: '', links: undefined }));
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      applicant: { id: applicant.id, displayName: 'ada', email: applicant.email },
      namespace,
      website: null,
      links: [],
      status: 'submitted',
      decisionMessage: null,
      partnerNamespace: null,
      decidedAt: null,
      history: [{ action: 'submitted', actor: { id: applicant.id, displayName: 'ada' }, message: null }],
    });
    expect(applied.body).not.toHaveProperty('community');
    const id = applied.body.id as string;

    // The queue shows it, oldest first, with its age.
    const older = await steps.submitted(await suite.make.newMember(), applicationBody(freshNamespace(), { organisationName: `Older ${namespace}` }));
    await steps.age(older.id, 'submitted_at', 5);
    const queue = await get(`/v1/staff/partner-applications?q=${namespace}`, reviewer.accessToken);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((a: { id: string; ageHours: number }) => [a.id, a.ageHours])).toEqual([
      [older.id, 5],
      [id, 0],
    ]);
    expect(queue.body.items[1]).not.toHaveProperty('history');

    // Reviewers see the applicant's community record (a newcomer's is all zeros; reviews and purchases come later).
    const detail = await get(`/v1/partner-applications/${id}`, reviewer.accessToken);
    const applicantUser = await get(`/v1/staff/users/${applicant.id}`, admin.accessToken);
    expect(detail.body.community).toEqual({
      memberSince: applicantUser.body.createdAt,
      contributionPoints: 0,
      last12MonthsPoints: 0,
      answers: 0,
      acceptedAnswers: 0,
      helpfulVotes: 0,
      ideas: 0,
      ideasShipped: 0,
      badges: [],
      reviews: null,
      purchases: null,
      invitedAt: null,
      invitedBy: null,
    });

    const asked = await steps.decide(reviewer, id, 'request-changes', 'Tell us which plugins you will build first.');
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'changes_requested', decisionMessage: 'Tell us which plugins you will build first.' });
    expect((await get(`/v1/staff/partner-applications?q=${namespace}`, reviewer.accessToken)).body.items.map((a: { id: string }) => a.id)).toEqual([older.id]);

    const edited = await call(suite.ctx.app, 'PATCH', `/v1/partner-applications/${id}`, {
      token: applicant.accessToken,
      body: { plan: 'First an invoice sync plugin, then a CRM bridge.', website: 'https://ada.example.com' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'changes_requested', plan: 'First an invoice sync plugin, then a CRM bridge.', website: 'https://ada.example.com' });
    const resubmitted = await call(suite.ctx.app, 'POST', `/v1/partner-applications/${id}/resubmit`, { token: applicant.accessToken });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('submitted');

    const approved = await steps.decide(reviewer, id, 'approve', 'Welcome aboard!');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', partnerNamespace: namespace, decisionMessage: 'Welcome aboard!', decidedAt: expect.any(String) });
    expect(approved.body.history.map((h: { action: string; actor: { id: string } }) => [h.action, h.actor.id])).toEqual([
      ['submitted', applicant.id],
      ['changes_requested', reviewer.id],
      ['edited', applicant.id],
      ['resubmitted', applicant.id],
      ['approved', reviewer.id],
    ]);

    // The partner exists, publicly, with the applicant as its owner.
    const profile = await call(suite.ctx.app, 'GET', `/v1/partners/${namespace}`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ namespace, name: `Org ${namespace}`, website: 'https://ada.example.com' });
    const mine = await get('/v1/me/partners', applicant.accessToken);
    expect(mine.body.items).toEqual([expect.objectContaining({ role: 'owner', partner: expect.objectContaining({ namespace, status: 'active' }) })]);

    // The applicant was told each time, in the portal and by email.
    const notes = await get('/v1/me/notifications', applicant.accessToken);
    expect(notes.body.items.map((n: { kind: string; link: string }) => [n.kind, n.link])).toEqual([
      ['partner_application.approved', '/partner-program'],
      ['partner_application.changes_requested', '/partner-program'],
    ]);
    expect(notes.body.items[0].body).toContain('Welcome aboard!');
    const outbox = await get('/v1/staff/outbox?limit=100', admin.accessToken);
    const mails = outbox.body.items.filter((m: { to: string }) => m.to === applicant.email);
    expect(mails.map((m: { subject: string }) => m.subject)).toEqual(['Your partner application was approved', 'Changes requested on your partner application']);

    // Every decision is in the audit log.
    const audit = await get(`/v1/staff/audit?targetId=${id}`, admin.accessToken);
    expect(audit.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['partner_application.approved', reviewer.id],
      ['partner_application.changes_requested', reviewer.id],
    ]);
    expect(audit.body.items[0].details).toMatchObject({ namespace, applicantId: applicant.id, partnerId: expect.any(String) });
  });

  it('shows a rejection and its reason to the applicant', async () => {
    const applicant = await suite.make.newMember();
    const reviewer = await suite.make.newStaff('reviewer');
    const admin = await suite.make.newStaff('admin');
    const { id } = await steps.submitted(applicant);

    expect((await steps.decide(reviewer, id, 'reject')).body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'message' })] });
    expect((await steps.decide(reviewer, id, 'request-changes', '  ')).status).toBe(400);
    const rejected = await steps.decide(reviewer, id, 'reject', 'We need a public portfolio first.');
    expect(rejected.status).toBe(200);

    const mine = await get('/v1/partner-applications/mine', applicant.accessToken);
    expect(mine.body.items[0]).toMatchObject({ id, status: 'rejected', decisionMessage: 'We need a public portfolio first.', decidedAt: expect.any(String), partnerNamespace: null });
    expect(mine.body.items[0].history.at(-1)).toMatchObject({ action: 'rejected', message: 'We need a public portfolio first.', actor: { id: reviewer.id } });
    const notes = await get('/v1/me/notifications', applicant.accessToken);
    expect(notes.body.items[0]).toMatchObject({ kind: 'partner_application.rejected', link: '/partner-program' });
    expect(notes.body.items[0].body).toContain('We need a public portfolio first.');
    const audit = await get(`/v1/staff/audit?targetId=${id}`, admin.accessToken);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['partner_application.rejected']);
    expect((await get('/v1/staff/partner-applications?status=rejected&limit=100', reviewer.accessToken)).body.items.map((a: { id: string }) => a.id)).toContain(id);
  });

  it('lets the applicant withdraw an open application, which frees its namespace', async () => {
    const applicant = await suite.make.newMember();
    const other = await suite.make.newMember();
    const reviewer = await suite.make.newStaff('reviewer');
    const { id, namespace } = await steps.submitted(applicant);

    const withdrawn = await call(suite.ctx.app, 'POST', `/v1/partner-applications/${id}/withdraw`, { token: applicant.accessToken });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', decidedAt: null });
    expect(withdrawn.body.history.at(-1)).toMatchObject({ action: 'withdrawn', actor: { id: applicant.id } });
    const again = await call(suite.ctx.app, 'POST', `/v1/partner-applications/${id}/withdraw`, { token: applicant.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('APPLICATION_STATE');
    expect((await steps.decide(reviewer, id, 'approve')).body.error.code).toBe('APPLICATION_STATE');
    const bodiless = await call(suite.ctx.app, 'POST', `/v1/staff/partner-applications/${id}/approve`, { token: reviewer.accessToken });
    expect([bodiless.status, bodiless.body.error.code]).toEqual([409, 'APPLICATION_STATE']);

    expect((await steps.apply(other, applicationBody(namespace))).status).toBe(201);
    // Withdrawing is not a rejection: the applicant may apply again at once.
    expect((await steps.apply(applicant)).status).toBe(201);
    const mine = await get('/v1/partner-applications/mine', applicant.accessToken);
    expect(mine.body.items.map((a: { status: string }) => a.status)).toEqual(['submitted', 'withdrawn']);
  });
});
