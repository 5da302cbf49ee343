import { call } from '../support/http.js';
import { COMPLETE_DETAILS, newPublisher, reviewDesk, uploadPackage } from '../support/plugin-listings.js';
import { pluginTgz } from '../support/plugin-packages.js';
import { useTestApp } from '../support/suite.js';

describe('plugin review desk: a real upload from the queue to a public listing', () => {
  const s = useTestApp();
  const staff = reviewDesk(() => s.ctx.app);

  it('reviews an uploaded package and its validation report; approval makes the listing public', async () => {
    const reviewer = await s.make.newStaff('reviewer');
    const publisher = await newPublisher(s.ctx.app, COMPLETE_DETAILS);
    const { owner, name } = publisher;
    expect((await call(s.ctx.app, 'GET', `/v1/plugins/${name}`)).status).toBe(404);

    const uploaded = await uploadPackage(s.ctx.app, publisher, pluginTgz({ name, readme: '# Fair discount\n\n<img src=x onerror=alert(1)> Takes **nothing** off.\n' }), owner.accessToken);
    expect(uploaded.status).toBe(201);

    const queue = await staff.get(reviewer, `/v1/staff/plugin-reviews?q=${encodeURIComponent(name)}`);
    expect(queue.body.items).toEqual([expect.objectContaining({ kind: 'version', status: 'submitted', version: expect.objectContaining({ version: '1.0.0', permissions: ['functions:cart.discounts'] }) })]);
    const id = queue.body.items[0].id as string;

    const detail = await staff.get(reviewer, `/v1/staff/plugin-reviews/${id}`);
    expect(detail.body).toMatchObject({
      listing: { name, status: 'draft', published: null },
      proposed: { summary: COMPLETE_DETAILS.summary },
      version: { version: '1.0.0', manifest: { name, functions: ['cart.discounts'] }, report: { package: expect.objectContaining({ compressedBytes: expect.any(Number) }) } },
      permissionDiff: { against: null, permissions: { added: ['functions:cart.discounts'], removed: [], unchanged: [] } },
    });
    expect(detail.body.version.readmeHtml).toContain('<strong>nothing</strong>');
    expect(detail.body.version.readmeHtml).not.toMatch(/<img[^>]*onerror/);

    const approved = await staff.decide(reviewer, id, 'approve', 'Welcome to the catalog.');
    expect(approved.status).toBe(200);

    const listing = await call(s.ctx.app, 'GET', `/v1/plugins/${name}`);
    expect(listing.status).toBe(200);
    expect(listing.body).toMatchObject({ name, status: 'public' });
    const versions = await call(s.ctx.app, 'GET', `/v1/plugins/${name}/versions`);
    expect(versions.body.items).toEqual([expect.objectContaining({ version: '1.0.0', status: 'published' })]);
    const mine = await call(s.ctx.app, 'GET', `/v1/plugins/${name}/reviews`, { token: owner.accessToken });
    expect(mine.body.items).toEqual([expect.objectContaining({ status: 'approved', version: '1.0.0', message: 'Welcome to the catalog.' })]);
  });
});
