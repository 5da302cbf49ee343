// With no Stripe key Guild runs its own Stripe emulator; its hosted Checkout and Connect
// onboarding pages are driven here in headless Chromium, as a buyer and a partner would use them,
// and the webhooks they cause must reach Guild.
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { StripeConnection } from '../../apps/api/src/stripe/stripe-connection.js';
import { waitFor } from '../support/wait.js';
import { useBrowserApp } from '../support/browser.js';

const suite = useBrowserApp();
const { withPage } = suite;
const stripe = () => suite.server.app.get(StripeConnection).stripe;

beforeAll(() => suite.server.app.get(StripeConnection).endpointsRegistered);

async function eventProcessed(type: string, objectId: string): Promise<void> {
  const db = suite.server.app.get(DataSource);
  await waitFor(async () => {
    const rows = await db.query<{ status: string }[]>(`SELECT status FROM stripe_events WHERE type = $1 AND payload->'data'->'object'->>'id' = $2`, [type, objectId]);
    return rows.some((row) => row.status === 'processed');
  }, 15_000);
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration (MM / YY)').fill('12 / 34');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('Name on card').fill('Ada Lovelace');
}

test('a buyer is declined with 4000 0000 0000 0002, then pays with 4242 4242 4242 4242 and returns to Guild', async () => {
  const session = await stripe().checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Timesheet Sync (lifetime)' } }, quantity: 2 }],
    customer_email: 'ada@example.com',
    success_url: `${suite.server.url}/?checkout=success&session={CHECKOUT_SESSION_ID}`,
    cancel_url: `${suite.server.url}/?checkout=canceled`,
  });
  await withPage('checkout', async (page) => {
    await page.goto(session.url!);
    await page.getByText('Timesheet Sync (lifetime)').waitFor();
    await page.getByText('$50.00').first().waitFor();
    await fillCard(page, '4000 0000 0000 0002');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByRole('alert').filter({ hasText: /declined/i }).waitFor();

    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL((url) => url.searchParams.get('checkout') === 'success');
    expect(new URL(page.url()).searchParams.get('session')).toBe(session.id);
  });
  const paid = await stripe().checkout.sessions.retrieve(session.id);
  expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid', amount_total: 5000 });
  await eventProcessed('checkout.session.completed', session.id);
  await eventProcessed('payment_intent.succeeded', paid.payment_intent as string);
}, 60_000);

test('a partner completes Connect onboarding on the hosted page and Guild learns the account is payable', async () => {
  const account = await stripe().accounts.create({ type: 'express', email: 'partner@example.com' });
  const link = await stripe().accountLinks.create({ account: account.id, type: 'account_onboarding', return_url: `${suite.server.url}/?onboarding=done`, refresh_url: `${suite.server.url}/?onboarding=again` });
  await withPage('onboarding', async (page) => {
    await page.goto(link.url);
    await page.getByLabel('Legal name').fill('Ada Plugins LLC');
    await page.getByLabel('Business website').fill('https://ada.example.com');
    await page.getByLabel('Routing number').fill('110000000');
    await page.getByLabel('Account number').fill('000123456789');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL((url) => url.searchParams.get('onboarding') === 'done');
    // A link works once: opening it again sends the partner to refresh_url for a new one.
    await page.goto(link.url);
    await page.waitForURL((url) => url.searchParams.get('onboarding') === 'again');
  });
  expect(await stripe().accounts.retrieve(account.id)).toMatchObject({ details_submitted: true, payouts_enabled: true, capabilities: { transfers: 'active' } });
  await eventProcessed('account.updated', account.id);
}, 60_000);
