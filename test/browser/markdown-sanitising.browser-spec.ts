// A listing description written to attack its readers, rendered in real Chromium: on the public
// listing page (signed out) and in the partner's Markdown preview. None of the injected code may
// run, and none of its elements, event handlers or javascript: links may reach the DOM.
// Run after `npm run build` (the API serves apps/portal/dist).
import type { Locator, Page } from 'playwright-core';
import { signIn, useBrowserApp } from '../support/browser.js';
import { call } from '../support/http.js';
import { sendFile } from '../support/multipart.js';
import { accessToken, approvedPartner, createUsers, person, uniqueNamespace } from './people.js';
import { packExample } from './plugin-fixtures.js';

const suite = useBrowserApp();
const { withPage } = suite;

// Each attack would set window.__pwned and change the title if it ran.
const HOSTILE = [
  '## Honest heading',
  '',
  '<script>window.__pwned = "script"; document.title = "pwned";</script>',
  '',
  '<img src=x onerror="window.__pwned = \'img\'; document.title = \'pwned\'">',
  '',
  '[a friendly link](javascript:window.__pwned=\'link\';document.title=\'pwned\')',
  '',
  '<a href="javascript:window.__pwned=\'raw\'">a raw link</a> and <svg onload="window.__pwned=\'svg\'"></svg>',
  '',
  '![a picture](javascript:window.__pwned=\'src\')',
  '',
  '<iframe src="javascript:parent.__pwned=\'frame\'"></iframe>',
  '',
  'The end, with a [safe link](https://example.com/docs).',
].join('\n');

/** What the injected code would have left behind, and what of it is in the DOM. */
async function traces(page: Page, region: Locator) {
  const inRegion = await region.evaluate((root) => ({
    scripts: root.querySelectorAll('script').length,
    frames: root.querySelectorAll('iframe, object, embed, svg').length,
    handlers: [...root.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.toLowerCase().startsWith('on')).map((a) => a.name)),
    jsUrls: [...root.querySelectorAll('[href], [src]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '').filter((url) => /^\s*javascript:/i.test(url)),
    links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
  }));
  const pwned = await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned ?? null);
  return { ...inRegion, pwned, title: await page.title() };
}

function expectHarmless(found: Awaited<ReturnType<typeof traces>>) {
  expect(found).toMatchObject({ scripts: 0, frames: 0, handlers: [], jsUrls: [], pwned: null });
  expect(found.title).not.toBe('pwned');
  // Only the safe link survives as a link.
  expect(found.links).toEqual(['https://example.com/docs']);
}

describe('portal: Markdown sanitising', () => {
  const owner = person('owner', 'Mallory Partner');
  const reviewer = person('plugin-reviewer', 'Sam Reviewer');
  const namespace = uniqueNamespace('sanitise');
  const listing = `/v1/plugins/${namespace}/volume-discount`;

  beforeAll(async () => {
    const { app } = suite.server;
    await createUsers(app, owner, { ...reviewer, staffRoles: ['reviewer'] });
    await approvedPartner(app, owner, 'Mallory Plugins', namespace);
    const token = await accessToken(app, owner);
    const created = await call(app, 'POST', '/v1/plugins', { token, body: { name: `${namespace}/volume-discount`, displayName: 'Volume discount' } });
    expect(created.status).toBe(201);
    const edited = await call(app, 'PATCH', listing, {
      token,
      body: { summary: 'Looks harmless.', description: HOSTILE, categories: ['finance'], supportUrl: 'https://example.com/support' },
    });
    expect(edited.status).toBe(200);
    const { data } = await packExample(namespace);
    const uploaded = await sendFile(app, 'POST', `${listing}/versions`, token, { field: 'package', filename: 'volume-discount-1.0.0.tgz', contentType: 'application/gzip', data });
    expect(uploaded.status).toBe(201);
    const staff = await accessToken(app, reviewer);
    const queue = await call(app, 'GET', `/v1/staff/plugin-reviews?q=${namespace}`, { token: staff });
    const id = queue.body.items[0].id as string;
    expect((await call(app, 'POST', `/v1/staff/plugin-reviews/${id}/claim`, { token: staff })).status).toBe(200);
    expect((await call(app, 'POST', `/v1/staff/plugin-reviews/${id}/approve`, { token: staff, body: {} })).status).toBe(200);
  }, 120_000);

  it('shows the public listing page without running any of the injected code', async () => {
    await withPage('markdown-public', async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`/plugins/${namespace}/volume-discount`);
      const description = page.getByTestId('listing-description');
      await description.getByRole('heading', { name: 'Honest heading', level: 2 }).waitFor();
      await description.getByText('The end, with a').waitFor();
      // The raw HTML is shown as text, not dropped silently and not run.
      expect(await description.innerText()).toContain('<script>');
      expectHarmless(await traces(page, description));

      // The Markdown link lost its javascript: target; clicking what is left of it does nothing.
      const friendly = description.getByText('a friendly link', { exact: false });
      await friendly.first().click();
      await page.getByTestId('listing-description').waitFor();
      expectHarmless(await traces(page, description));
      expect(dialogs).toEqual([]);
    });
  });

  it('shows the partner the same harmless rendering in the Markdown preview', async () => {
    await withPage('markdown-preview', async (page) => {
      await signIn(page, owner);
      await page.goto(`/partners/${namespace}/plugins/volume-discount`);
      const form = page.getByRole('form', { name: 'Edit the listing' });
      const textarea = form.getByLabel('Description', { exact: true });
      expect(await textarea.inputValue()).toBe(HOSTILE);
      // Typed again, so the preview renders what is in the field right now.
      await textarea.fill(`${HOSTILE}\n\n<img src=x onerror="document.title='pwned again'">`);
      await form.getByRole('button', { name: 'Preview' }).click();
      const preview = form.getByRole('region', { name: 'Description preview' });
      await preview.getByRole('heading', { name: 'Honest heading', level: 2 }).waitFor();
      await preview.getByText('pwned again', { exact: false }).waitFor();
      const found = await traces(page, preview);
      expectHarmless(found);
      expect(found.title).not.toBe('pwned again');
    });
  });
});
