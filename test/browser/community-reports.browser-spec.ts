// Reports in headless Chromium against the real API: a member reports a spam answer with a reason
// and a note, a moderator finds it in the reports queue (nav link "Reports"), hides it with a
// reason, and a signed-out reader no longer sees the answer on the question.
// Run after `npm run build` (the API serves apps/portal/dist).
import type { Page } from 'playwright-core';
import { call } from '../support/http.js';
import { nav, signIn, useBrowserApp } from '../support/browser.js';
import { createStaff } from './community-people.js';
import { accessToken, createUsers, person } from './people.js';

const suite = useBrowserApp({}, { viewport: { width: 1280, height: 900 } });
const { withPage } = suite;
const main = (page: Page) => page.getByRole('main');

describe('portal: community reports', () => {
  it('a member reports an answer, a moderator hides it from the queue, and readers no longer see it', async () => {
    const asker = person('asker', 'Ann Asker');
    const spammer = person('spammer', 'Sam Spammer');
    const reader = person('reader', 'Rita Reader');
    const moderator = person('moderator', 'Mo Moderator');
    await createUsers(suite.server.app, asker, spammer, reader);
    await createStaff(suite.server.app, moderator, ['moderator']);
    const title = `Where do I set the invoice prefix? ${Date.now()}`;
    const spam = 'Cheap watches at watches.example.com, best prices!';
    const asked = await call(suite.server.app, 'POST', '/v1/community/questions', { token: await accessToken(suite.server.app, asker), body: { title, body: 'The prefix should be INV-.' } });
    await call(suite.server.app, 'POST', `/v1/community/questions/${asked.body.id}/answers`, { token: await accessToken(suite.server.app, spammer), body: { body: spam } });

    await withPage('reports-reader', async (page) => {
      await signIn(page, reader);
      await page.goto(`/community/questions/${asked.body.id}`);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      const answer = main(page).getByRole('listitem').filter({ hasText: spam }).first();
      await answer.getByRole('button', { name: 'Report answer' }).click();
      const form = page.getByRole('form', { name: 'Report answer' });
      await form.getByLabel('Reason').selectOption('spam');
      await form.getByLabel('Note (optional)').fill('Advertising watches');
      await form.getByRole('button', { name: 'Send report' }).click();
      await main(page).getByText('Thanks: moderators will look at this answer.').waitFor();
    });

    await withPage('reports-moderator', async (page) => {
      await signIn(page, moderator);
      await nav(page).getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { name: 'Community reports', level: 1 }).waitFor();
      const row = main(page).getByTestId('reported-content').filter({ hasText: spam });
      await row.getByText('“Advertising watches”').waitFor();
      expect(await row.innerText()).toContain('spam (1)');
      await row.getByRole('button', { name: /^Hide answer/ }).click();
      const form = row.getByRole('form', { name: /^Hide answer/ });
      await form.getByLabel('Reason').fill('Advertising is not allowed');
      await form.getByRole('button', { name: 'Hide it' }).click();
      await main(page).getByText('No open reports: nothing waits for a moderator.').waitFor();
    });

    await withPage('reports-signed-out', async (page) => {
      await page.goto(`/community/questions/${asked.body.id}`);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await main(page).getByText('The prefix should be INV-.').waitFor();
      expect(await main(page).getByText(spam).count()).toBe(0);
    });
  });
});
