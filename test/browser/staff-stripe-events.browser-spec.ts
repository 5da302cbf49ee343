// The staff screen for Stripe webhook events, in headless Chromium against the real API: a finance
// user finds an event that failed every retry, reads its payload, and replays it once the cause is
// fixed; a member without a staff role is kept out.
// Run after `npm run build` (the API serves apps/portal/dist).
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { UsersService } from '../../apps/api/src/identity/users.service.js';
import { guildStripe, signed, WEBHOOK_SECRET } from '../stripe/stripe-events.js';
import { header, nav, signIn, useBrowserApp } from '../support/browser.js';
import { call } from '../support/http.js';
import { waitFor } from '../support/wait.js';
import { PASSWORD } from './people.js';

// Retries 20 ms apart: an event that keeps failing gives up (8 tries) within a few seconds.
const suite = useBrowserApp({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_EVENT_RETRY_DELAY_MS: '20' }, { viewport: { width: 1280, height: 900 } });
const { withPage } = suite;

/** An event's row in the table, by its row header (the event id); not the details row below it. */
const eventRow = (page: Page, id: string) => page.getByRole('table', { name: 'Stripe webhook events' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: id }) });

let seq = 0;
const uniqueEmail = (label: string) => `${label}.${Date.now()}.${seq++}@example.com`;

async function newUser(label: string, staffRoles: ('finance' | 'admin')[] = []) {
  const user = { email: uniqueEmail(label), password: PASSWORD, displayName: `${label} user`, staffRoles };
  await suite.server.app.get(UsersService).create(user);
  return user;
}

/** A minimal, well-formed account.updated event, as in the webhook e2e tests. */
function accountEvent(id: string, accountId: string) {
  return JSON.stringify({ id, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), type: 'account.updated', livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: { id: accountId, object: 'account' } }, account: accountId });
}

const storedStatus = async (id: string) => (await suite.server.app.get(DataSource).query<{ status: string }[]>(`SELECT status FROM stripe_events WHERE id = $1`, [id]))[0]?.status;

describe('portal: Stripe webhook events for staff', () => {
  it('lets a finance user find a failed event, read its payload and replay it once fixed', async () => {
    // An event about an account Stripe does not know fails on every retry and ends up failed.
    const id = `evt_browser${Date.now()}`;
    const body = accountEvent(id, 'acct_doesnotexist');
    const delivery = await call(suite.server.app, 'POST', '/v1/webhooks/stripe', { body, headers: signed(suite.server.app, body) });
    expect(delivery.status).toBe(200);
    await waitFor(async () => (await storedStatus(id)) === 'failed', 20_000);
    const accountId = (await guildStripe(suite.server.app).accounts.create({ type: 'express', email: 'partner@example.com' })).id;
    const finance = await newUser('finance', ['finance']);

    await withPage('stripe-events-replay', async (page) => {
      await signIn(page, finance);
      await nav(page).getByRole('link', { name: 'Webhook events' }).click();
      await page.getByRole('heading', { name: 'Stripe webhook events' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/staff/stripe-events');
      expect(await page.getByLabel('Status').inputValue()).toBe('failed');

      // The failed event is listed, with what went wrong.
      const table = page.getByRole('table', { name: 'Stripe webhook events' });
      const row = eventRow(page, id);
      await row.waitFor();
      const cells = await row.innerText();
      expect(cells).toContain('account.updated');
      expect(cells).toContain('acct_doesnotexist');
      expect(cells).toContain('Failed');
      expect(cells).toMatch(/\b8\b/);
      expect(await row.locator('[title*="acct_doesnotexist"]').count()).toBe(1);

      // Its details show the payload Stripe sent.
      const details = row.getByRole('button', { name: `Details of ${id}` });
      await details.click();
      expect(await details.getAttribute('aria-expanded')).toBe('true');
      const payload = table.locator('pre').filter({ hasText: id });
      await payload.waitFor();
      const json = JSON.parse(await payload.innerText()) as { id: string; type: string; data: { object: { id: string } } };
      expect(json).toMatchObject({ id, type: 'account.updated', data: { object: { id: 'acct_doesnotexist' } } });

      // The cause goes away (here: the payload is fixed to name a real account), then the event is replayed.
      await suite.server.app.get(DataSource).query(`UPDATE stripe_events SET payload = $2 WHERE id = $1`, [id, accountEvent(id, accountId)]);
      await row.getByRole('button', { name: `Replay ${id}` }).click();
      const dialog = page.getByRole('dialog', { name: `Replay event ${id}?` });
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/not been applied/);
      await dialog.getByRole('button', { name: 'Replay event' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: id }).waitFor();

      // The refreshed list of failed events no longer has it; once processed, the Processed filter does.
      await row.waitFor({ state: 'detached' });
      await waitFor(async () => (await storedStatus(id)) === 'processed', 15_000);
      await page.getByLabel('Status').selectOption('processed');
      expect(new URL(page.url()).searchParams.get('status')).toBe('processed');
      const processed = eventRow(page, id);
      await processed.waitFor();
      expect(await processed.innerText()).toContain('Processed');
      expect(await processed.getByRole('button', { name: `Replay ${id}` }).count()).toBe(0);

      // The type filter applies on submit.
      await page.getByLabel('Event type').fill('invoice.paid');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('No processed events of type invoice.paid.').waitFor();
      await page.getByLabel('Event type').fill('account.updated');
      await page.getByRole('button', { name: 'Apply' }).click();
      await processed.waitFor();
    });
  }, 120_000);

  it('keeps members without a staff role out: no nav link, and the role message instead of the table', async () => {
    const member = await newUser('member');
    await withPage('stripe-events-member', async (page) => {
      await signIn(page, member);
      await nav(page).getByRole('link', { name: 'API tokens' }).waitFor();
      expect(await nav(page).getByRole('link', { name: 'Webhook events' }).count()).toBe(0);

      await page.goto('/staff/stripe-events');
      await page.getByText('You need the finance or admin role to see this page.').waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      await header(page).getByText(member.displayName).waitFor();
    });
  }, 60_000);
});
