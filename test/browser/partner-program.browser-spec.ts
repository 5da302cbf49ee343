// The partner program in headless Chromium against the real API, each person in a browser of their
// own: a member applies; a reviewer asks for changes; the member reads the message, edits and
// resubmits; the reviewer approves; the member, now the partner's owner, sets up payouts on the
// Stripe emulator's hosted onboarding page and comes back to "Payouts enabled".
// Run after `npm run build` (the API serves apps/portal/dist).
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { StripeConnection } from '../../apps/api/src/stripe/stripe-connection.js';
import { describedText, header, nav, signIn, useBrowserApp } from '../support/browser.js';
import { approvedPartner, createUsers, PASSWORD, person } from './people.js';

const suite = useBrowserApp({}, { viewport: { width: 1280, height: 900 } });
const { withPage } = suite;

// The webhooks the emulator sends about the account reach Guild only once its endpoints are registered.
beforeAll(() => suite.server.app.get(StripeConnection).endpointsRegistered);

const bell = (page: Page) => header(page).getByRole('link', { name: /^Notifications/ });

async function signUp(page: Page, user: { email: string; displayName: string; password: string }) {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Display name').fill(user.displayName);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Your profile' }).waitFor();
}

/** The invitation link from the email Guild wrote to `to` (held in the outbox: tests configure no SMTP server). */
async function invitationPath(to: string): Promise<string> {
  const rows = await suite.server.app.get(DataSource).query<{ text_body: string }[]>(`SELECT text_body FROM email_outbox WHERE to_address = $1 ORDER BY created_at DESC`, [to]);
  const link = /\/invitations\/[^\s]+/.exec(rows[0]?.text_body ?? '')?.[0];
  if (!link) throw new Error(`no invitation email to ${to}`);
  return link;
}

describe('portal: the partner program', () => {
  it('takes a member from application through review to an owner with payouts enabled', async () => {
    const stamp = Date.now();
    const member = { email: `ada.${stamp}@example.com`, displayName: 'Ada Lovelace', password: PASSWORD };
    const reviewer = { email: `grace.${stamp}@example.com`, displayName: 'Grace Reviewer', password: PASSWORD };
    await createUsers(suite.server.app, { ...reviewer, staffRoles: ['reviewer'] });
    const namespace = `ada-plugins-${stamp.toString(36)}`;
    const changesMessage = 'Please link the repository of your first plugin.';

    await withPage('partner-program-member', async (memberPage) => {
      await withPage('partner-program-reviewer', async (reviewerPage) => {
        // The member signs up and applies; the namespace is checked while they type.
        await signUp(memberPage, member);
        await nav(memberPage).getByRole('link', { name: 'Partner program' }).click();
        await memberPage.getByRole('heading', { name: 'Partner program', level: 1 }).waitFor();
        const apply = memberPage.getByRole('form', { name: 'Apply to the partner program' });
        await apply.getByLabel('Organisation name').fill('Ada Plugins');
        await apply.getByLabel('Website').fill('https://ada.example.com');
        await apply.getByLabel('Namespace').fill('admin');
        await apply.getByTestId('namespace-status').filter({ hasText: 'reserved' }).waitFor();
        await apply.getByLabel('Namespace').fill(namespace);
        await apply.getByTestId('namespace-status').filter({ hasText: `“${namespace}” is available.` }).waitFor();
        await apply.getByLabel('What you plan to build').fill('Timesheet and invoicing integrations for small agencies.');
        await apply.getByRole('button', { name: 'Submit application' }).click();
        const application = memberPage.getByRole('region', { name: /Your application/ });
        await application.getByText('Waiting for review').first().waitFor();
        expect(await application.innerText()).toContain(namespace);

        // The reviewer finds it in the queue; a request for changes needs a message, shown beside the field.
        await signIn(reviewerPage, reviewer);
        await nav(reviewerPage).getByRole('link', { name: 'Applications' }).click();
        await reviewerPage.getByRole('heading', { name: 'Partner applications' }).waitFor();
        const row = reviewerPage.getByRole('table', { name: 'Partner applications' }).getByRole('row').filter({ hasText: namespace });
        expect(await row.innerText()).toContain('under an hour');
        await row.getByRole('link', { name: 'Ada Plugins' }).click();
        await reviewerPage.getByRole('heading', { name: /Ada Plugins/, level: 1 }).waitFor();
        await reviewerPage.getByText('Timesheet and invoicing integrations for small agencies.').waitFor();
        const message = reviewerPage.getByLabel('Message to the applicant');
        await reviewerPage.getByRole('button', { name: 'Request changes' }).click();
        await reviewerPage.locator('.field--invalid').getByLabel('Message to the applicant').waitFor();
        expect(await message.getAttribute('aria-invalid')).toBe('true');
        expect(await describedText(reviewerPage, message)).toMatch(/message/i);
        await message.fill(changesMessage);
        await reviewerPage.getByRole('button', { name: 'Request changes' }).click();
        await reviewerPage.getByRole('status').filter({ hasText: 'Changes requested: the applicant was notified' }).waitFor();
        await reviewerPage.getByRole('heading', { name: /Changes requested/, level: 1 }).waitFor();

        // The member sees the message (and the bell), edits and resubmits.
        await memberPage.reload();
        await memberPage.getByText('The reviewer asked for changes.').waitFor();
        await memberPage.getByLabel("Reviewer's message").filter({ hasText: changesMessage }).waitFor();
        expect(await bell(memberPage).getAttribute('aria-label')).toBe('Notifications, 1 unread');
        const edit = memberPage.getByRole('form', { name: 'Edit your application' });
        expect(await edit.getByLabel('Namespace').inputValue()).toBe(namespace);
        await edit.getByLabel('Links (one per line)').fill('https://github.com/ada/timesheet-sync\nhttps://ada.example.com/plugins');
        await edit.getByRole('button', { name: 'Resubmit' }).click();
        await application.getByText('Waiting for review').first().waitFor();
        expect(await application.innerText()).toContain('https://github.com/ada/timesheet-sync');
        expect(await memberPage.getByRole('list', { name: 'Application history' }).innerText()).toMatch(/Submitted[\s\S]*Changes requested[\s\S]*Resubmitted/);

        // The reviewer approves the resubmitted application.
        await reviewerPage.reload();
        await reviewerPage.getByRole('heading', { name: /Waiting for review/, level: 1 }).waitFor();
        await reviewerPage.getByRole('button', { name: 'Approve' }).click();
        await reviewerPage.getByRole('status').filter({ hasText: 'Approved: the partner is created' }).waitFor();
        await reviewerPage.getByRole('link', { name: `@${namespace}` }).waitFor();

        // The member, now the owner, is told by the bell and finds the dashboard.
        await memberPage.reload();
        await memberPage.getByText('Welcome to the partner program!').waitFor();
        await bell(memberPage).click();
        await memberPage.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
        const notifications = memberPage.getByRole('list', { name: 'Notifications' });
        await notifications.getByRole('listitem').filter({ hasText: /approved/i }).first().waitFor();
        expect(await notifications.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
        await memberPage.getByRole('button', { name: 'Mark all as read' }).click();
        await header(memberPage).getByRole('link', { name: 'Notifications, none unread' }).waitFor();

        await nav(memberPage).getByRole('link', { name: 'Partner program' }).click();
        await memberPage.getByRole('link', { name: 'Open the partner dashboard' }).click();
        await memberPage.getByRole('heading', { name: /Ada Plugins/, level: 1 }).waitFor();
        expect(new URL(memberPage.url()).pathname).toBe(`/partners/${namespace}/dashboard`);
        expect(await memberPage.getByRole('table', { name: 'Team members' }).innerText()).toMatch(/Ada Lovelace[\s\S]*Owner/);
        await nav(memberPage).getByRole('link', { name: 'Ada Plugins partner dashboard' }).waitFor();

        // Payouts: off to Stripe's hosted onboarding, and back to Guild with payouts enabled.
        await memberPage.getByRole('button', { name: 'Set up payouts with Stripe' }).click();
        await memberPage.getByLabel('Legal name').waitFor();
        const onboardingLink = memberPage.url();
        await memberPage.getByLabel('Legal name').fill('Ada Plugins LLC');
        await memberPage.getByLabel('Business website').fill('https://ada.example.com');
        await memberPage.getByLabel('Routing number').fill('110000000');
        await memberPage.getByLabel('Account number').fill('000123456789');
        await memberPage.getByRole('button', { name: 'Submit' }).click();
        await memberPage.waitForURL((url) => url.pathname === `/partners/${namespace}/stripe` && url.searchParams.get('onboarding') === 'return');
        expect(new URL(memberPage.url()).origin).toBe(suite.server.url);
        await memberPage.getByText('Payouts enabled').waitFor();

        // The dashboard says the same.
        await memberPage.getByRole('link', { name: 'Back to the partner dashboard' }).click();
        await memberPage.getByRole('region', { name: 'Payouts with Stripe' }).getByText('Payouts enabled').waitFor();

        // A used onboarding link sends the partner to `?onboarding=refresh`, which starts a new link at once.
        const refreshed = memberPage.waitForURL((url) => url.pathname === `/partners/${namespace}/stripe` && url.searchParams.get('onboarding') === 'refresh');
        await memberPage.goto(onboardingLink);
        await refreshed;
        await memberPage.waitForURL((url) => url.href !== onboardingLink && url.pathname.startsWith(new URL(onboardingLink).pathname.replace(/[^/]+$/, '')));
      });
    });
  }, 180_000);

  it('lets the owner invite a developer by email, change their role and hand over ownership', async () => {
    const owner = person('owner', 'Olivia Owner');
    const developer = person('dev', 'Dev Eloper');
    const namespace = `team-${Date.now().toString(36)}`;
    await createUsers(suite.server.app, owner, developer);
    await approvedPartner(suite.server.app, owner, 'Team Plugins', namespace);

    await withPage('partner-team-owner', async (ownerPage) => {
      await withPage('partner-team-developer', async (developerPage) => {
        // The owner invites the developer from the dashboard.
        await signIn(ownerPage, owner);
        await nav(ownerPage).getByRole('link', { name: 'Team Plugins partner dashboard' }).click();
        await ownerPage.getByRole('heading', { name: /Team Plugins/, level: 1 }).waitFor();
        const inviteForm = ownerPage.getByRole('form', { name: 'Invite a team member' });
        await inviteForm.getByLabel('Email').fill('not-an-email');
        await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
        await inviteForm.locator('.field--invalid').getByLabel('Email').waitFor();
        await inviteForm.getByLabel('Email').fill(developer.email);
        await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
        await ownerPage.getByRole('status').filter({ hasText: `Invitation sent to ${developer.email}` }).waitFor();
        const invitations = ownerPage.getByRole('table', { name: 'Open invitations' });
        expect(await invitations.innerText()).toMatch(new RegExp(`${developer.email.replace(/\./g, '\\.')}[\\s\\S]*Developer[\\s\\S]*Olivia Owner`));

        // The developer follows the emailed link, signs in on the way, and accepts.
        const link = await invitationPath(developer.email);
        await developerPage.goto(link);
        await developerPage.getByRole('link', { name: 'Sign in to accept' }).click();
        await developerPage.getByLabel('Email').fill(developer.email);
        await developerPage.getByLabel('Password').fill(developer.password);
        await developerPage.getByRole('button', { name: 'Sign in' }).click();
        await developerPage.getByText(/You are invited to join Team Plugins/).waitFor();
        expect(new URL(developerPage.url()).pathname).toBe(link);
        await developerPage.getByRole('button', { name: 'Accept' }).click();
        await developerPage.getByRole('heading', { name: /Team Plugins/, level: 1 }).waitFor();
        expect(new URL(developerPage.url()).pathname).toBe(`/partners/${namespace}/dashboard`);
        await developerPage.getByText('Only owners and finance members manage payouts.', { exact: false }).waitFor();
        expect(await developerPage.getByRole('button', { name: 'Set up payouts with Stripe' }).count()).toBe(0);
        expect(await developerPage.getByRole('table', { name: 'Open invitations' }).count()).toBe(0);
        await developerPage.getByRole('table', { name: 'Team members' }).getByRole('row').filter({ hasText: 'Dev Eloper' }).getByRole('button', { name: 'Leave' }).waitFor();

        // A used link says so.
        await developerPage.goto(link);
        await developerPage.getByRole('alert').filter({ hasText: 'This invitation was already accepted.' }).waitFor();

        // The owner sees the new member, makes them finance, then hands over ownership.
        await ownerPage.reload();
        const team = ownerPage.getByRole('table', { name: 'Team members' });
        await team.getByRole('row').filter({ hasText: 'Dev Eloper' }).waitFor();
        await ownerPage.getByText('No open invitations.').waitFor();
        const roleSaved = ownerPage.waitForResponse((response) => response.request().method() === 'PUT' && response.url().includes('/members/'));
        await team.getByLabel('Role of Dev Eloper').selectOption('finance');
        expect((await roleSaved).status()).toBe(200);
        await ownerPage.reload();
        await team.getByLabel('Role of Dev Eloper').waitFor();
        expect(await team.getByLabel('Role of Dev Eloper').inputValue()).toBe('finance');
        await team.getByRole('button', { name: 'Transfer ownership to Dev Eloper' }).click();
        const dialog = ownerPage.getByRole('dialog', { name: 'Make Dev Eloper the owner?' });
        await dialog.getByRole('button', { name: 'Transfer ownership' }).click();
        await dialog.waitFor({ state: 'detached' });
        await ownerPage.getByRole('status').filter({ hasText: 'Dev Eloper is now the owner' }).waitFor();
        await ownerPage.getByRole('heading', { name: /Team Plugins\s*Developer/, level: 1 }).waitFor();
        expect(await ownerPage.getByRole('region', { name: 'Invitations' }).count()).toBe(0);
        expect(await team.getByRole('row').filter({ hasText: 'Dev Eloper' }).innerText()).toContain('Owner');

        // The new owner manages payouts now; the public profile is there for everyone.
        await developerPage.goto(`/partners/${namespace}/dashboard`);
        await developerPage.getByRole('button', { name: 'Set up payouts with Stripe' }).waitFor();
        await developerPage.goto(`/partners/${namespace}`);
        await developerPage.getByRole('heading', { name: 'Team Plugins', level: 1 }).waitFor();
        await developerPage.getByText('No plugins published yet.').waitFor();
        await developerPage.goto('/partners/nobody-here');
        await developerPage.getByRole('heading', { name: 'Partner not found' }).waitFor();
      });
    });
  }, 120_000);
});
