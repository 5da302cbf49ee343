// The community in headless Chromium against the real API, each person in a browser of their own:
// a member asks, another answers, the asker accepts, and the answerer's profile shows the points the
// policy gives and the "First accepted answer" badge (awarded by a background job), and the
// leaderboard lists them; on the ideas board a member submits, another votes, a moderator plans it
// with a note and the board shows both; staff invite an engaged member to apply to the partner
// program, the member reads the invitation with their record on the application page and applies, and
// the reviewer sees that record on the application.
// Run after `npm run build` (the API serves apps/portal/dist).
import type { Locator, Page } from 'playwright-core';
import { describedText, nav, signIn, useBrowserApp } from '../support/browser.js';
import { acceptedAnswer, createStaff, policyPoints } from './community-people.js';
import { createUsers, person, uniqueNamespace } from './people.js';

const suite = useBrowserApp({}, { viewport: { width: 1280, height: 900 } });
const { withPage } = suite;

const main = (page: Page) => page.getByRole('main');
/** A heading's text followed by its status badge ("Title Planned"). */
const titled = (title: string, badge: string) => new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*${badge}`);

/** Reloads until `locator` shows: for what a background job does after the page loaded. */
async function reloadUntilVisible(page: Page, locator: Locator, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await locator.waitFor({ timeout: 1_500 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

describe('portal: the community', () => {
  it('credits an accepted answer on the answerer’s profile and the leaderboard', async () => {
    const asker = person('asker', 'Ann Asker');
    const answerer = person('answerer', 'Ben Answerer');
    await createUsers(suite.server.app, asker, answerer);
    const points = await policyPoints(suite.server.app, 'answer_accepted');
    const title = `How do I sync invoices nightly? ${Date.now()}`;

    await withPage('community-asker', async (askerPage) => {
      // The asker finds Q&A in the navigation and asks; a too-short title is refused beside its field.
      await signIn(askerPage, asker);
      await nav(askerPage).getByRole('link', { name: 'Community' }).click();
      await askerPage.getByRole('heading', { name: 'Questions', level: 1 }).waitFor();
      await main(askerPage).getByRole('link', { name: 'Ask a question' }).click();
      const ask = askerPage.getByRole('form', { name: 'Ask a question' });
      await ask.getByLabel('Title').fill('Sync?');
      await ask.getByLabel('Question', { exact: true }).fill('Our invoices should reach **Ledgerly** every night.');
      await ask.getByRole('button', { name: 'Preview' }).click();
      expect(await ask.getByRole('region', { name: 'Question preview' }).locator('strong').innerText()).toBe('Ledgerly');
      await ask.getByLabel('Tags').fill('invoices, Sync');
      await ask.getByRole('button', { name: 'Post question' }).click();
      await ask.locator('.field--invalid').getByLabel('Title').waitFor();
      expect(await describedText(askerPage, ask.getByLabel('Title'))).toMatch(/title/i);
      await ask.getByLabel('Title').fill(title);
      await ask.getByRole('button', { name: 'Post question' }).click();
      await askerPage.getByRole('heading', { name: title, level: 1 }).waitFor();
      expect(await askerPage.getByLabel('Tags').innerText()).toMatch(/invoices[\s\S]*sync/);
      await askerPage.getByText('Nobody has answered yet.').waitFor();
      const questionUrl = askerPage.url();

      await withPage('community-answerer', async (answererPage) => {
        // Another member finds it in the list and answers.
        await signIn(answererPage, answerer);
        await answererPage.goto('/community');
        await answererPage.getByRole('list', { name: 'Questions' }).getByRole('link', { name: title }).click();
        await answererPage.getByRole('heading', { name: title, level: 1 }).waitFor();
        const form = answererPage.getByRole('form', { name: 'Answer the question' });
        await form.getByLabel('Answer', { exact: true }).fill('Schedule the **nightly export** under Settings → Sync.');
        await form.getByRole('button', { name: 'Post answer' }).click();
        await answererPage.getByRole('heading', { name: '1 answer', level: 2 }).waitFor();
        expect(await answererPage.getByRole('listitem', { name: 'Answer by Ben Answerer' }).locator('strong').innerText()).toBe('nightly export');
      });

      // The asker accepts it: the answer is marked accepted.
      await askerPage.goto(questionUrl);
      const answer = askerPage.getByRole('listitem', { name: 'Answer by Ben Answerer' });
      await answer.getByRole('button', { name: 'Accept this answer' }).click();
      await answer.getByText('Accepted answer').waitFor();
      await askerPage.getByRole('heading', { name: titled(title, 'Answered'), level: 1 }).waitFor();

      // The answerer's profile: the policy's points, and the badge once the job has run.
      await answer.getByRole('link', { name: 'Ben Answerer' }).click();
      await askerPage.getByRole('heading', { name: 'Ben Answerer', level: 1 }).waitFor();
      const pointsStats = askerPage.locator('dl[aria-label="Points"]');
      expect(await pointsStats.locator('.stat').filter({ hasText: 'Points, all time' }).locator('dd').innerText()).toMatch(new RegExp(`^${points}\\b`));
      expect(await pointsStats.locator('.stat').filter({ hasText: 'Points, last 30 days' }).locator('dd').innerText()).toMatch(new RegExp(`^${points}\\b`));
      expect(await askerPage.locator('dl[aria-label="Contributions"] .stat').filter({ hasText: 'Accepted answers' }).locator('dd').innerText()).toBe('1');
      const recent = askerPage.getByRole('table', { name: 'Contributions' });
      expect(await recent.getByRole('row').filter({ hasText: 'Answer accepted' }).innerText()).toContain(`+${points}`);
      await reloadUntilVisible(askerPage, askerPage.getByRole('list', { name: 'Badges' }).getByText('First accepted answer'));

      // The leaderboard lists the answerer with those points.
      await nav(askerPage).getByRole('link', { name: 'Leaderboard' }).click();
      await askerPage.getByRole('heading', { name: 'Leaderboard', level: 1 }).waitFor();
      const row = askerPage.getByRole('table', { name: 'Leaderboard' }).getByRole('row').filter({ hasText: 'Ben Answerer' });
      expect(await row.getByTestId('leaderboard-points').innerText()).toBe(String(points));
      await row.getByText('First accepted answer').waitFor();
      await askerPage.getByRole('button', { name: 'All time' }).click();
      expect(await askerPage.getByRole('table', { name: 'Leaderboard' }).getByRole('row').filter({ hasText: 'Ben Answerer' }).getByTestId('leaderboard-points').innerText()).toBe(String(points));
    });
  });

  it('takes an idea from a member’s suggestion through votes to planned, with a public note', async () => {
    const author = person('idea-author', 'Ida Author');
    const voter = person('idea-voter', 'Vic Voter');
    const moderator = person('moderator', 'Mona Moderator');
    await createUsers(suite.server.app, author, voter);
    await createStaff(suite.server.app, moderator, ['moderator']);
    const title = `Export reports as PDF ${Date.now()}`;
    const note = 'We start on PDF exports next month.';

    await withPage('community-idea-author', async (authorPage) => {
      await signIn(authorPage, author);
      await nav(authorPage).getByRole('link', { name: 'Ideas' }).click();
      await authorPage.getByRole('heading', { name: 'Ideas', level: 1 }).waitFor();
      await main(authorPage).getByRole('link', { name: 'Submit an idea' }).click();
      const form = authorPage.getByRole('form', { name: 'Submit an idea' });
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Description', { exact: true }).fill('Accountants want **PDF** reports they can file.');
      await form.getByRole('button', { name: 'Submit idea' }).click();
      await authorPage.getByRole('heading', { name: titled(title, 'Open'), level: 1 }).waitFor();
      // The author cannot vote for their own idea: only the count shows.
      await authorPage.getByTestId('vote-count').filter({ hasText: '0 votes' }).waitFor();
    });

    await withPage('community-idea-voter', async (voterPage) => {
      await signIn(voterPage, voter);
      await voterPage.goto('/community/ideas');
      const item = voterPage.getByRole('listitem', { name: title });
      await item.getByRole('button', { name: `Vote for ${title}` }).click();
      await item.getByRole('button', { name: `Remove your vote for ${title}` }).waitFor();
      await item.getByTestId('vote-count').filter({ hasText: '1 vote' }).waitFor();
    });

    await withPage('community-idea-moderator', async (moderatorPage) => {
      await signIn(moderatorPage, moderator);
      await moderatorPage.goto('/community/ideas');
      await moderatorPage.getByRole('list', { name: 'Ideas' }).getByRole('link', { name: title }).click();
      const form = moderatorPage.getByRole('form', { name: 'Change the status' });
      await form.getByLabel('New status').selectOption('planned');
      // A note is required: the API says so beside it.
      await form.getByRole('button', { name: 'Change status' }).click();
      await form.locator('.field--invalid').getByLabel('Public note').waitFor();
      await form.getByLabel('Public note').fill(note);
      await form.getByRole('button', { name: 'Change status' }).click();
      await moderatorPage.getByRole('heading', { name: titled(title, 'Planned'), level: 1 }).waitFor();
      await moderatorPage.getByTestId('status-note').filter({ hasText: note }).waitFor();
      expect(await moderatorPage.getByRole('list', { name: 'Status history' }).innerText()).toMatch(/Open → Planned[\s\S]*Mona Moderator[\s\S]*next month/);

      // The board, signed out: planned, with its note and its vote.
      await withPage('community-idea-visitor', async (visitorPage) => {
        await visitorPage.goto('/community/ideas?status=planned');
        const item = visitorPage.getByRole('listitem', { name: title });
        await item.getByText('Planned', { exact: true }).waitFor();
        expect(await item.innerText()).toContain(note);
        expect(await item.getByTestId('vote-count').innerText()).toBe('1 vote');
      });
    });
  });

  it('shows a staff invitation to apply, with the member’s record, on the partner program page', async () => {
    const asker = person('advocate-asker', 'Quinn Asker');
    const advocate = person('advocate', 'Ada Advocate');
    const reviewer = person('advocate-reviewer', 'Rene Reviewer');
    await createUsers(suite.server.app, asker, advocate);
    await createStaff(suite.server.app, reviewer, ['reviewer']);
    await acceptedAnswer(suite.server.app, asker, advocate);
    const message = 'Your answers on exports are great: build the plugin!';
    const namespace = uniqueNamespace('ada-exports');

    await withPage('community-advocates-staff', async (staffPage) => {
      await signIn(staffPage, reviewer);
      await nav(staffPage).getByRole('link', { name: 'Advocates' }).click();
      await staffPage.getByRole('heading', { name: 'Community advocates', level: 1 }).waitFor();
      const row = staffPage.getByRole('table', { name: 'Advocates' }).getByRole('row').filter({ hasText: 'Ada Advocate' });
      await row.getByRole('button', { name: 'Invite Ada Advocate to apply' }).click();
      const form = row.getByRole('form', { name: 'Invite Ada Advocate' });
      await form.getByLabel('Message (optional)').fill(message);
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await row.getByText('Invited', { exact: true }).waitFor();
      expect(await row.innerText()).toContain('Rene Reviewer');
    });

    await withPage('community-advocates-member', async (memberPage) => {
      await signIn(memberPage, advocate);
      await nav(memberPage).getByRole('link', { name: 'Partner program' }).click();
      const panel = memberPage.getByRole('region', { name: 'Invitation to apply' });
      await panel.getByText('You were invited').waitFor();
      expect(await panel.getByLabel('Message from Guild').innerText()).toBe(message);
      const record = panel.locator('dl[aria-label="Community record"]');
      expect(await record.innerText()).toMatch(/Accepted answers\s*1/);
      // The application form is still there below it: the member applies.
      const apply = memberPage.getByRole('form', { name: 'Apply to the partner program' });
      await apply.getByLabel('Organisation name').fill('Ada Exports');
      await apply.getByLabel('Namespace').fill(namespace);
      await apply.getByTestId('namespace-status').filter({ hasText: `“${namespace}” is available.` }).waitFor();
      await apply.getByLabel('What you plan to build').fill('Export plugins for payroll and accounting tools.');
      await apply.getByRole('button', { name: 'Submit application' }).click();
      await memberPage.getByRole('region', { name: /Your application/ }).getByText('Waiting for review').first().waitFor();
    });

    // The reviewer weighs the application with the applicant's community record beside it.
    await withPage('community-advocates-application', async (staffPage) => {
      await signIn(staffPage, reviewer);
      await nav(staffPage).getByRole('link', { name: 'Applications' }).click();
      await staffPage.getByRole('table', { name: 'Partner applications' }).getByRole('row').filter({ hasText: namespace }).getByRole('link', { name: 'Ada Exports' }).click();
      await staffPage.getByRole('heading', { name: /Ada Exports/, level: 1 }).waitFor();
      const record = staffPage.locator('dl[aria-label="Community record"]');
      await record.waitFor();
      expect(await record.innerText()).toMatch(/Accepted answers\s*1/);
      await staffPage.getByText(/Invited to apply by .+ on /).waitFor();
      await staffPage.getByRole('link', { name: 'Community profile' }).click();
      await staffPage.getByRole('heading', { name: 'Ada Advocate', level: 1 }).waitFor();
    });
  });
});
