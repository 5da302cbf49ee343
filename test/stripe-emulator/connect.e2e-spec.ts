import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { useEmulator, type EmulatorHarness } from '../support/stripe-emulator.js';

const REFRESH_URL = 'https://guild.test/connect/refresh';
const RETURN_URL = 'https://guild.test/connect/return';
const BANK = { routing_number: '110000000', account_number: '000123456789' };

function expressAccount(h: EmulatorHarness, params: Stripe.AccountCreateParams = {}): Promise<Stripe.Account> {
  return h.stripe.accounts.create({ type: 'express', capabilities: { card_payments: { requested: true }, transfers: { requested: true } }, ...params });
}

async function onboardingLink(h: EmulatorHarness, account: string): Promise<string> {
  return (await h.stripe.accountLinks.create({ account, type: 'account_onboarding', refresh_url: REFRESH_URL, return_url: RETURN_URL })).url;
}

function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

async function onboard(h: EmulatorHarness, account: string): Promise<void> {
  const url = await onboardingLink(h, account);
  await (await fetch(url)).text();
  const response = await postForm(url, { legal_name: 'Ada Lovelace', email: 'ada@example.com', website: 'https://ada.example', ...BANK, action: 'submit' });
  expect(response.status).toBe(303);
}

function eventsOf(h: EmulatorHarness, account: string, type: string): Promise<Stripe.Event[]> {
  return h.stripe.events.list({ type, limit: 100 }, { stripeAccount: account }).then((list) => list.data);
}

describe('Stripe emulator: Connect accounts and hosted onboarding', () => {
  const h = useEmulator();

  it('creates an Express account with requirements due and nothing enabled, then retrieves, lists, updates and deletes it', async () => {
    const account = await expressAccount(h, { email: 'maker@example.com', business_type: 'individual', metadata: { guildUserId: 'u1' } });
    expect(account).toMatchObject({
      object: 'account',
      type: 'express',
      country: 'US',
      default_currency: 'usd',
      email: 'maker@example.com',
      details_submitted: false,
      charges_enabled: false,
      payouts_enabled: false,
      capabilities: { card_payments: 'inactive', transfers: 'inactive' },
      controller: { stripe_dashboard: { type: 'express' } },
      metadata: { guildUserId: 'u1' },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(account.requirements?.currently_due).toEqual(expect.arrayContaining(['business_profile.url', 'external_account', 'individual.first_name', 'tos_acceptance.date']));
    expect(account.requirements?.currently_due).not.toContain('individual.email');

    const updated = await h.stripe.accounts.update(account.id, { business_profile: { url: 'https://maker.example' }, metadata: { tier: 'gold' } });
    expect(updated.business_profile?.url).toBe('https://maker.example');
    expect(updated.metadata).toEqual({ guildUserId: 'u1', tier: 'gold' });
    expect(updated.requirements?.currently_due).not.toContain('business_profile.url');
    const [event] = await eventsOf(h, account.id, 'account.updated');
    expect(event).toMatchObject({ account: account.id, data: { object: { id: account.id }, previous_attributes: { metadata: { guildUserId: 'u1' } } } });
    expect((event.data.previous_attributes as Partial<Stripe.Account>).business_profile?.url).toBeNull();
    const platformEvents = await h.stripe.events.list({ type: 'account.updated', limit: 100 });
    expect(platformEvents.data.map((e) => e.id)).not.toContain(event.id);

    expect(await h.stripe.accounts.retrieve(account.id)).toMatchObject({ id: account.id, business_profile: { url: 'https://maker.example' } });
    expect((await h.stripe.accounts.list({ limit: 100 })).data.map((a) => a.id)).toContain(account.id);
    const platform = await h.stripe.accounts.retrieveCurrent();
    expect(platform).toMatchObject({ object: 'account', charges_enabled: true, payouts_enabled: true });
    expect(platform.id).not.toBe(account.id);
    expect(await h.stripe.accounts.retrieve(platform.id)).toMatchObject({ id: platform.id });
    expect(await h.stripe.accounts.retrieveCurrent({}, { stripeAccount: account.id })).toMatchObject({ id: account.id });

    await expect(h.stripe.accounts.del(account.id)).resolves.toMatchObject({ id: account.id, deleted: true });
    await expect(h.stripe.accounts.retrieve(account.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    await expect(h.stripe.accounts.del(platform.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('accepts the controller style for an Express account and refuses what Stripe refuses', async () => {
    const account = await h.stripe.accounts.create({
      controller: { stripe_dashboard: { type: 'express' }, fees: { payer: 'application' }, losses: { payments: 'application' } },
      capabilities: { transfers: { requested: true } },
    });
    expect(account).toMatchObject({ type: 'express', controller: { type: 'application', stripe_dashboard: { type: 'express' }, requirement_collection: 'stripe' } });
    expect((await h.stripe.accounts.create({ type: 'express' })).capabilities).toEqual({ card_payments: 'inactive', transfers: 'inactive' });
    const count = (await h.stripe.accounts.list({ limit: 100 })).data.length;
    await expect(h.stripe.accounts.create({ type: 'express', capabilities: { teleport_payments: { requested: true } } } as Stripe.AccountCreateParams)).rejects.toMatchObject({
      code: 'parameter_unknown',
      param: 'capabilities[teleport_payments]',
    });
    await expect(h.stripe.accounts.create({ type: 'express', tos_acceptance: { date: 1700000000, ip: '127.0.0.1' } })).rejects.toMatchObject({ statusCode: 400, param: 'tos_acceptance' });
    await expect(h.stripe.accounts.create({ type: 'express', email: 'nope' })).rejects.toMatchObject({ param: 'email' });
    expect((await h.stripe.accounts.list({ limit: 100 })).data).toHaveLength(count);
    await expect(h.stripe.accounts.update(account.id, { email: 'new@example.com', business_profile: { url: 'not a url' } })).rejects.toMatchObject({ param: 'business_profile[url]' });
    expect((await h.stripe.accounts.retrieve(account.id)).email).toBeNull();
    await expect(h.stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: REFRESH_URL })).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'return_url',
    });
    await expect(h.stripe.accountLinks.create({ account: 'acct_missing', type: 'account_onboarding', refresh_url: REFRESH_URL, return_url: RETURN_URL })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'account',
    });
  });

  it('completes onboarding with "Submit": everything enabled, a bank account attached, Connect events emitted, the link spent', async () => {
    const account = await expressAccount(h, { email: 'prefill@example.com' });
    const link = await h.stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: REFRESH_URL, return_url: RETURN_URL, collect: 'currently_due' });
    expect(link).toMatchObject({ object: 'account_link', url: expect.stringMatching(/\/connect\/onboarding\/[\w-]{32}$/) });
    expect(link.expires_at - link.created).toBe(300);

    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const label of ['Legal name', 'Email', 'Business website', 'Routing number', 'Account number']) expect(html).toMatch(new RegExp(`<label for="[a-z_]+">${label}</label>`));
    expect(html).toContain('value="prefill@example.com"');
    expect(html).toContain('Save and finish later');

    const response = await postForm(link.url, { legal_name: 'Ada Lovelace', email: 'ada@example.com', website: 'ada.example', ...BANK, action: 'submit' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(RETURN_URL);

    const onboarded = await h.stripe.accounts.retrieve(account.id);
    expect(onboarded).toMatchObject({
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      email: 'ada@example.com',
      capabilities: { card_payments: 'active', transfers: 'active' },
      requirements: { currently_due: [], past_due: [], disabled_reason: null },
      business_profile: { url: 'https://ada.example' },
    });
    expect(onboarded.tos_acceptance?.date).toEqual(expect.any(Number));
    expect(onboarded.external_accounts?.data[0]).toMatchObject({ object: 'bank_account', last4: '6789', routing_number: '110000000', default_for_currency: true });

    const [updated] = await eventsOf(h, account.id, 'account.updated');
    expect(updated.data.previous_attributes).toMatchObject({ details_submitted: false, charges_enabled: false, payouts_enabled: false });
    const capabilityEvents = await eventsOf(h, account.id, 'capability.updated');
    expect(capabilityEvents.map((e) => (e.data.object as Stripe.Capability).id).sort()).toEqual(['card_payments', 'transfers']);
    expect(capabilityEvents[0].data).toMatchObject({ object: { status: 'active' }, previous_attributes: { status: 'inactive' } });
    expect(await eventsOf(h, account.id, 'account.external_account.created')).toHaveLength(1);

    const again = await fetch(link.url, { redirect: 'manual' });
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe(REFRESH_URL);
  });

  it('keeps what was typed on "Save and finish later", re-renders bad input with the error, and expires links', async () => {
    const account = await expressAccount(h);
    const url = await onboardingLink(h, account.id);
    await (await fetch(url)).text();

    const bad = await postForm(url, { legal_name: '<b>Ada</b>', email: 'ada@example.com', routing_number: '123', account_number: '', action: 'save' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('The routing number must be 9 digits.');
    expect(badHtml).toContain('value="&lt;b&gt;Ada&lt;/b&gt;"');
    expect(badHtml).not.toContain('<b>Ada</b>');

    const saved = await postForm(url, { legal_name: 'Ada', email: 'ada@example.com', website: 'https://ada.example', routing_number: '110000000', account_number: '', action: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(RETURN_URL);
    const later = await h.stripe.accounts.retrieve(account.id);
    expect(later).toMatchObject({ details_submitted: false, charges_enabled: false, payouts_enabled: false, email: 'ada@example.com', business_profile: { url: 'https://ada.example' } });
    expect(later.requirements?.currently_due).toEqual(expect.arrayContaining(['external_account', 'tos_acceptance.date']));
    expect(later.requirements?.currently_due).not.toContain('business_profile.url');
    expect(later.external_accounts?.data).toEqual([]);
    expect((await eventsOf(h, account.id, 'account.updated'))[0].data.previous_attributes).toMatchObject({ email: null });

    const resumed = await (await fetch(await onboardingLink(h, account.id))).text();
    expect(resumed).toContain('value="Ada"');
    expect(resumed).toContain('value="https://ada.example"');
    expect(resumed).toContain('value="110000000"');

    const stale = await onboardingLink(h, account.id);
    await h.control('POST', '/_emulator/clock/advance', { seconds: 301 });
    const expired = await fetch(stale, { redirect: 'manual' });
    expect(expired.status).toBe(302);
    expect(expired.headers.get('location')).toBe(REFRESH_URL);
    expect((await fetch(`${h.emulator.url}/connect/onboarding/not-a-token`)).status).toBe(404);
  });

  it('creates login links only for onboarded Express accounts; the link opens a read-only dashboard', async () => {
    const account = await expressAccount(h, { business_profile: { name: 'Ada & Co' } });
    await expect(h.stripe.accounts.createLoginLink(account.id)).rejects.toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    await onboard(h, account.id);
    const link = await h.stripe.accounts.createLoginLink(account.id);
    expect(link).toMatchObject({ object: 'login_link', url: expect.stringMatching(/\/connect\/express\/[\w-]{32}$/) });
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Ada &amp; Co');
    expect(html).toContain('Available (USD)');
    expect(html).toContain('No payouts yet.');
    expect(html).not.toContain('<form');
  });

  it('lists, retrieves and requests capabilities one by one', async () => {
    const account = await h.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    const list = await h.stripe.accounts.listCapabilities(account.id);
    expect(list.data).toEqual([expect.objectContaining({ id: 'transfers', object: 'capability', account: account.id, requested: true, status: 'inactive' })]);
    expect(await h.stripe.accounts.retrieveCapability(account.id, 'card_payments')).toMatchObject({ requested: false, status: 'unrequested', requested_at: null });
    await onboard(h, account.id);
    const card = await h.stripe.accounts.updateCapability(account.id, 'card_payments', { requested: true });
    expect(card).toMatchObject({ id: 'card_payments', requested: true, status: 'active' });
    expect((await h.stripe.accounts.retrieve(account.id)).capabilities).toEqual({ transfers: 'active', card_payments: 'active' });
    const [event] = await eventsOf(h, account.id, 'capability.updated');
    expect(event.data).toMatchObject({ object: { id: 'card_payments', status: 'active' }, previous_attributes: { status: 'unrequested' } });
    await expect(h.stripe.accounts.retrieveCapability(account.id, 'teleport')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('restricts and unrestricts an account through the control API, with account.updated each time', async () => {
    const account = await expressAccount(h);
    await onboard(h, account.id);
    await h.control('POST', `/_emulator/accounts/${account.id}/restrict`, { 'currently_due[0]': 'individual.verification.document' });
    const restricted = await h.stripe.accounts.retrieve(account.id);
    expect(restricted).toMatchObject({
      charges_enabled: false,
      payouts_enabled: false,
      capabilities: { transfers: 'inactive' },
      requirements: { disabled_reason: 'requirements.past_due', currently_due: ['individual.verification.document'], past_due: ['individual.verification.document'] },
    });
    const [restrictEvent] = await eventsOf(h, account.id, 'account.updated');
    expect(restrictEvent.data.previous_attributes).toMatchObject({ charges_enabled: true, payouts_enabled: true });

    await h.control('POST', `/_emulator/accounts/${account.id}/unrestrict`);
    expect(await h.stripe.accounts.retrieve(account.id)).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      capabilities: { transfers: 'active', card_payments: 'active' },
      requirements: { disabled_reason: null, currently_due: [] },
    });
    const [unrestrictEvent] = await eventsOf(h, account.id, 'account.updated');
    expect(unrestrictEvent.id).not.toBe(restrictEvent.id);
    expect(unrestrictEvent.data.previous_attributes).toMatchObject({ charges_enabled: false });
  });

  describe('Connect webhooks', () => {
    let server: Server;
    const received: Stripe.Event[] = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          received.push(JSON.parse(body) as Stripe.Event);
          response.end('ok');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('delivers account.updated to Connect endpoints with the connected account named', async () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
      await h.stripe.webhookEndpoints.create({ url, enabled_events: ['account.updated'], connect: true });
      const account = await expressAccount(h);
      await h.stripe.accounts.update(account.id, { email: 'hook@example.com' });
      await h.control('POST', '/_emulator/webhooks/idle');
      expect(received).toEqual([expect.objectContaining({ type: 'account.updated', account: account.id, data: expect.objectContaining({ previous_attributes: { email: null } }) })]);
    });
  });
});
