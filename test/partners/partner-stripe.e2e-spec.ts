import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { StripeConnection } from '../../apps/api/src/stripe/stripe-connection.js';
import { waitFor } from '../support/wait.js';
import { guildStripe, signed, WEBHOOK_SECRET } from '../stripe/stripe-events.js';
import { call } from '../support/http.js';
import { control } from '../support/stripe-emulator.js';
import { useTestApp } from '../support/suite.js';
import { partnerFactories } from './partner-factory.js';

const PUBLIC_URL = 'https://guild.example';

/** Delivers the account's newest account.updated event, signed, as Stripe would, and waits until Guild has applied it. */
async function deliverLatestAccountUpdate(app: NestFastifyApplication, accountId: string): Promise<void> {
  const [event] = (await guildStripe(app).events.list({ type: 'account.updated', limit: 1 }, { stripeAccount: accountId })).data;
  const body = JSON.stringify(event);
  const response = await call(app, 'POST', '/v1/webhooks/stripe', { body, headers: signed(app, body) });
  expect(response.status).toBe(200);
  const db = app.get(DataSource);
  await waitFor(async () => (await db.query<{ status: string }[]>(`SELECT status FROM stripe_events WHERE id = $1`, [event.id]))[0]?.status === 'processed');
}

/** Fills in and submits the emulator's hosted onboarding form, as the partner would in a browser. */
async function completeOnboarding(url: string): Promise<Response> {
  const page = await (await fetch(url)).text();
  expect(page).toContain('value="submit">Submit</button>');
  const form = { legal_name: 'Ada Lovelace', email: 'ada@example.com', website: 'https://x.example', routing_number: '110000000', account_number: '000123456789', action: 'submit' };
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
}

describe('partner Stripe Connect onboarding', () => {
  const s = useTestApp({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, GUILD_PUBLIC_URL: PUBLIC_URL, STRIPE_EVENT_RETRY_DELAY_MS: '20' });
  const partners = () => partnerFactories(s.ctx.app);
  const emulatorControl = (path: string, params: Record<string, string> = {}) => control(s.ctx.app.get(StripeConnection).emulator!.url, 'POST', path, params);

  async function team() {
    const owner = await s.make.newMember('owner');
    const developer = await s.make.newMember('developer');
    const finance = await s.make.newMember('finance');
    const partner = await partners().newPartner(owner, { name: 'Payable Co' });
    await partners().addMember(partner, developer, 'developer');
    await partners().addMember(partner, finance, 'finance');
    const url = (path: string) => `/v1/partners/${partner.namespace}/stripe${path}`;
    return { owner, developer, finance, partner, url };
  }

  it('refuses Stripe to a developer (403 PARTNER_ROLE_REQUIRED) and to strangers (403 PARTNER_ACCESS_DENIED)', async () => {
    const { developer, url } = await team();
    const stranger = await s.make.newMember('stranger');
    for (const [method, path] of [['GET', ''], ['POST', '/onboarding'], ['POST', '/refresh']]) {
      const asDeveloper = await call(s.ctx.app, method, url(path), { token: developer.accessToken });
      expect([asDeveloper.status, asDeveloper.body.error.code, asDeveloper.body.error.details.required]).toEqual([403, 'PARTNER_ROLE_REQUIRED', ['owner', 'finance']]);
      const asStranger = await call(s.ctx.app, method, url(path), { token: stranger.accessToken });
      expect([asStranger.status, asStranger.body.error.code]).toEqual([403, 'PARTNER_ACCESS_DENIED']);
    }
  });

  it('onboards through the hosted form and becomes payable on account.updated; a Stripe restriction makes it not payable again', async () => {
    const { owner, finance, partner, url } = await team();
    const before = await call(s.ctx.app, 'GET', url(''), { token: owner.accessToken });
    expect(before.body).toEqual({
      accountId: null,
      onboardingStarted: false,
      detailsSubmitted: false,
      chargesEnabled: false,
      payoutsEnabled: false,
      transfersActive: false,
      payable: false,
      requirementsDue: [],
      requirementsDeadline: null,
      disabledReason: null,
      updatedAt: null,
    });

    const started = await call(s.ctx.app, 'POST', url('/onboarding'), { token: finance.accessToken });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ url: expect.stringMatching(/\/connect\/onboarding\/[\w-]+$/), expiresAt: expect.any(String) });
    const status = (await call(s.ctx.app, 'GET', url(''), { token: finance.accessToken })).body;
    expect(status).toMatchObject({ accountId: expect.stringMatching(/^acct_/), onboardingStarted: true, payable: false });
    const accountId: string = status.accountId;
    const account = await guildStripe(s.ctx.app).accounts.retrieve(accountId);
    expect(account).toMatchObject({ type: 'express', email: owner.email, metadata: { guildPartnerId: partner.id }, business_profile: { name: 'Payable Co' } });

    // Asking again reuses the account, with a fresh link.
    const again = await call(s.ctx.app, 'POST', url('/onboarding'), { token: owner.accessToken });
    expect(again.body.url).not.toBe(started.body.url);
    expect((await call(s.ctx.app, 'GET', url(''), { token: owner.accessToken })).body.accountId).toBe(accountId);

    const submitted = await completeOnboarding(again.body.url);
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe(`${PUBLIC_URL}/partners/${partner.namespace}/stripe?onboarding=return`);

    await deliverLatestAccountUpdate(s.ctx.app, accountId);
    const payable = (await call(s.ctx.app, 'GET', url(''), { token: owner.accessToken })).body;
    expect(payable).toMatchObject({ accountId, detailsSubmitted: true, chargesEnabled: true, payoutsEnabled: true, transfersActive: true, payable: true, requirementsDue: [], disabledReason: null, updatedAt: expect.any(String) });
    const dashboard = await call(s.ctx.app, 'GET', `/v1/partners/${partner.namespace}/dashboard`, { token: owner.accessToken });
    expect(dashboard.body.stripe).toEqual(payable);

    await emulatorControl(`/_emulator/accounts/${accountId}/restrict`, { 'currently_due[0]': 'individual.verification.document' });
    await deliverLatestAccountUpdate(s.ctx.app, accountId);
    expect((await call(s.ctx.app, 'GET', url(''), { token: owner.accessToken })).body).toMatchObject({
      payable: false,
      payoutsEnabled: false,
      transfersActive: false,
      requirementsDue: ['individual.verification.document'],
      disabledReason: 'requirements.past_due',
    });

    // Once details are submitted, the link leads to updating them.
    const update = await call(s.ctx.app, 'POST', url('/onboarding'), { token: owner.accessToken });
    expect(update.status).toBe(200);
    const admin = await s.make.newStaff('admin');
    const audit = await call(s.ctx.app, 'GET', `/v1/staff/audit?action=partner.stripe_onboarding_started&targetId=${partner.id}`, { token: admin.accessToken });
    expect(audit.body.items.map((e: { actorId: string; details: object }) => [e.actorId, e.details])).toEqual([
      [owner.id, { accountId, accountCreated: false, type: 'account_update' }],
      [owner.id, { accountId, accountCreated: false, type: 'account_onboarding' }],
      [finance.id, { accountId, accountCreated: true, type: 'account_onboarding' }],
    ]);
  });

  it('refreshes from Stripe when the partner returns, without waiting for the webhook', async () => {
    const { owner, finance, url } = await team();
    expect((await call(s.ctx.app, 'POST', url('/refresh'), { token: owner.accessToken })).body).toMatchObject({ accountId: null, payable: false });
    const started = await call(s.ctx.app, 'POST', url('/onboarding'), { token: owner.accessToken });
    expect((await completeOnboarding(started.body.url)).status).toBe(303);
    expect((await call(s.ctx.app, 'GET', url(''), { token: owner.accessToken })).body.payable).toBe(false);
    const refreshed = await call(s.ctx.app, 'POST', url('/refresh'), { token: finance.accessToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ detailsSubmitted: true, payable: true, updatedAt: expect.any(String) });
  });

  it('adopts an account whose id was never stored, by the partner id in its metadata', async () => {
    const { owner, partner, url } = await team();
    const account = await guildStripe(s.ctx.app).accounts.create({ type: 'express', email: owner.email, metadata: { guildPartnerId: partner.id } });
    await guildStripe(s.ctx.app).accounts.update(account.id, { business_profile: { name: 'Payable Co' } });
    await deliverLatestAccountUpdate(s.ctx.app, account.id);
    expect((await call(s.ctx.app, 'GET', url(''), { token: owner.accessToken })).body).toMatchObject({ accountId: account.id, onboardingStarted: true, payable: false });
  });
});
