import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test, type TestContext } from 'node:test';
import type { EventInput } from '@guild/plugin-sdk';
import { createTestHost, type FakeResponse, type TestHostOptions } from '@guild/plugin-sdk/testing';

const dir = fileURLToPath(new URL('..', import.meta.url));
const WEBHOOK = 'https://hooks.slack.com/services/T0001/B0002/abcDEF123';

const orderPaid = (fields: Partial<EventInput<'order.paid'>> = {}): EventInput<'order.paid'> => ({
  orderId: 'ord_1001',
  workspaceId: 'ws_acme',
  customerId: 'cus_42',
  amount: 123450,
  currency: 'EUR',
  lineCount: 3,
  paidAt: '2025-03-14T09:30:00.000Z',
  ...fields,
});

const ticketCreated = (fields: Partial<EventInput<'ticket.created'>> = {}): EventInput<'ticket.created'> => ({
  ticketId: 'tkt_77',
  workspaceId: 'ws_acme',
  requesterId: 'usr_9',
  subject: 'Checkout is down',
  body: 'Customers see a blank page after paying. Card ending 4242.',
  priority: 'urgent',
  tags: [],
  createdAt: '2025-03-14T09:31:00.000Z',
  ...fields,
});

async function host(t: TestContext, options: TestHostOptions = {}) {
  const created = await createTestHost({ dir, settings: { webhookUrl: WEBHOOK }, ...options });
  t.after(() => created.close());
  return created;
}

const bodyOf = (request: { body?: string }): unknown => JSON.parse(request.body ?? 'null');

await test('order.paid', async (t) => {
  await t.test('posts the order to the webhook as a Slack message', async (t) => {
    const plugin = await host(t, { settings: { webhookUrl: WEBHOOK, channel: '#sales' } });
    const record = await plugin.invoke('order.paid', orderPaid());

    assert.equal(record.outcome, 'ok', record.error?.message);
    assert.equal(plugin.requests.length, 1);
    const [request] = plugin.requests;
    assert.equal(request.url, WEBHOOK);
    assert.equal(request.method, 'POST');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.deepEqual(bodyOf(request), {
      text: ':moneybag: Order `ord_1001` paid: *€1,234.50* (3 lines, customer `cus_42`)',
      channel: '#sales',
    });
  });

  await t.test('leaves the channel out when none is set, so the webhook posts to its own', async (t) => {
    const plugin = await host(t);
    await plugin.invoke('order.paid', orderPaid({ amount: 500, currency: 'USD', lineCount: 1 }));
    assert.deepEqual(bodyOf(plugin.requests[0]), { text: ':moneybag: Order `ord_1001` paid: *$5.00* (1 line, customer `cus_42`)' });
  });

  await t.test('formats amounts inside the sandbox, which has no Intl', async (t) => {
    const plugin = await host(t);
    for (const [amount, currency] of [[1234567, 'JPY'], [1234567, 'KWD'], [5, 'CHF'], [100000000, 'GBP']] as const) {
      await plugin.invoke('order.paid', orderPaid({ amount, currency }));
    }
    const amounts = plugin.requests.map((request) => /\*(.+)\*/.exec(request.body ?? '')?.[1]);
    assert.deepEqual(amounts, ['¥1,234,567', 'KWD\u00a01,234.567', 'CHF\u00a00.05', '£1,000,000.00']);
  });

  await t.test('skips orders below the minimum amount', async (t) => {
    const plugin = await host(t, { settings: { webhookUrl: WEBHOOK, minimumAmount: 10_000 } });
    const below = await plugin.invoke('order.paid', orderPaid({ amount: 9_999 }));
    const at = await plugin.invoke('order.paid', orderPaid({ orderId: 'ord_1002', amount: 10_000 }));

    assert.equal(below.outcome, 'ok');
    assert.equal(at.outcome, 'ok');
    assert.equal(plugin.requests.length, 1);
    assert.match(plugin.requests[0]?.body ?? '', /ord_1002/);
  });
});

await test('ticket.created', async (t) => {
  await t.test('posts high and urgent tickets by default, and escapes what the customer wrote', async (t) => {
    const plugin = await host(t);
    await plugin.invoke('ticket.created', ticketCreated({ subject: 'Refund <!channel> & more', tags: ['billing', 'vip'] }));

    assert.deepEqual(bodyOf(plugin.requests[0]), {
      text: ':ticket: New *urgent* ticket `tkt_77`: Refund &lt;!channel&gt; &amp; more\nTags: billing, vip',
    });
    assert.doesNotMatch(plugin.requests[0]?.body ?? '', /4242/, 'the ticket body stays out of chat');
  });

  await t.test('posts only the priorities chosen', async (t) => {
    const plugin = await host(t, { settings: { webhookUrl: WEBHOOK, ticketPriorities: ['normal'] } });
    for (const priority of ['low', 'normal', 'high', 'urgent'] as const) {
      const record = await plugin.invoke('ticket.created', ticketCreated({ ticketId: `tkt_${priority}`, priority }));
      assert.equal(record.outcome, 'ok');
    }
    assert.equal(plugin.requests.length, 1);
    assert.match(plugin.requests[0]?.body ?? '', /tkt_normal/);
  });

  await t.test('posts no ticket when notifyTickets is off', async (t) => {
    const plugin = await host(t, { settings: { webhookUrl: WEBHOOK, notifyTickets: false } });
    const record = await plugin.invoke('ticket.created', ticketCreated());
    assert.equal(record.outcome, 'ok');
    assert.equal(plugin.requests.length, 0);
  });
});

await test('failures', async (t) => {
  await t.test('fails the invocation with what Slack said when the webhook answers non-2xx', async (t) => {
    const answer: FakeResponse = { status: 404, body: 'no_service' };
    const plugin = await host(t, { fetch: () => answer });
    const record = await plugin.invoke('order.paid', orderPaid());

    assert.equal(record.outcome, 'error');
    assert.equal(record.error?.code, 'PLUGIN_ERROR');
    assert.equal(record.error?.message, 'Error: the Slack webhook answered HTTP 404 (no_service)');
  });

  await t.test('passes on how long Slack asks to wait when rate limited', async (t) => {
    const plugin = await host(t, { fetch: () => ({ status: 429, headers: { 'retry-after': '30' }, body: 'rate_limited' }) });
    const record = await plugin.invoke('ticket.created', ticketCreated());
    assert.equal(record.error?.message, 'Error: the Slack webhook answered HTTP 429 (rate_limited); retry after 30 s');
  });

  await t.test('refuses a webhook on another host at install', async () => {
    await assert.rejects(createTestHost({ dir, settings: { webhookUrl: 'https://evil.example.com/services/T1/B2/x' } }), /settings do not match/);
  });

  for (const url of ['https://evil.example.com/services/T1/B2/x', 'https://hooks.slack.com.evil.example.com/services/x', 'http://hooks.slack.com/services/x', 'https://hooks.slack.com@evil.example.com/services/x']) {
    await t.test(`posts nothing and warns when the saved URL is ${url}`, async (t) => {
      const plugin = await host(t);
      // Settings passed per call skip the install form, as settings saved under an older manifest would.
      const record = await plugin.invoke('order.paid', orderPaid(), { webhookUrl: url });

      assert.equal(record.outcome, 'ok');
      assert.equal(plugin.requests.length, 0);
      assert.deepEqual(record.denied, []);
      const warning = record.logs.find((line) => line.level === 'warn');
      assert.match(warning?.message ?? '', /webhookUrl is not a Slack incoming webhook/);
      assert.ok(!record.logs.some((line) => line.message.includes(url)), 'the secret URL is never logged');
      // Were the check gone, the sandbox would still refuse: hooks.slack.com is the only host asked for.
      assert.deepEqual(plugin.manifest.permissions.filter((permission) => permission.startsWith('http:')), ['http:hooks.slack.com']);
    });
  }
});
