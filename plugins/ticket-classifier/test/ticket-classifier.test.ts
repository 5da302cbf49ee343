import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test, type TestContext } from 'node:test';
import type { EventInput, FunctionInput } from '@guild/plugin-sdk';
import { createTestHost, type TestHostOptions } from '@guild/plugin-sdk/testing';
import { DEFAULT_MINIMUM_CONFIDENCE, DEFAULT_RULES, type Settings } from '../src/settings.js';

const dir = fileURLToPath(new URL('..', import.meta.url));

const ticket = (subject: string, body = '', fields: Partial<FunctionInput<'ticket.classify'>> = {}): FunctionInput<'ticket.classify'> => ({
  ticketId: 'tkt_1',
  workspaceId: 'ws_acme',
  subject,
  body,
  tags: [],
  ...fields,
});

const ticketCreated = (subject: string, body = '', fields: Partial<EventInput<'ticket.created'>> = {}): EventInput<'ticket.created'> => ({
  ...ticket(subject, body),
  requesterId: 'usr_9',
  priority: 'normal',
  createdAt: '2025-03-14T09:31:00.000Z',
  ...fields,
});

async function host(t: TestContext, options: TestHostOptions = {}) {
  const created = await createTestHost({ dir, ...options });
  t.after(() => created.close());
  return created;
}

async function classify(t: TestContext, settings: Settings, ...tickets: FunctionInput<'ticket.classify'>[]) {
  const plugin = await host(t, { settings: { ...settings } });
  const answers = [];
  for (const input of tickets) {
    const record = await plugin.invoke('ticket.classify', input);
    // 'ok' also means the answer passed the platform's output validation for ticket.classify.
    assert.equal(record.outcome, 'ok', record.error?.message);
    answers.push(record.output);
  }
  return answers;
}

await test('ticket.classify', async (t) => {
  await t.test('sorts tickets by the default rules, more sure the more keywords agree', async (t) => {
    const answers = await classify(
      t,
      {},
      ticket('Refund for invoice INV-2025-001', 'I was charged twice for my subscription.'),
      ticket('App crashes when exporting to CSV', 'Stack trace attached. It fails every time.'),
      ticket("Can't log in after password reset", 'The reset link says it expired.'),
      ticket('Would love a dark mode', 'Could you add a dark theme? Is it on the roadmap?'),
      ticket('Hello', 'Just wanted to say thanks for the quick delivery!'),
    );
    assert.deepEqual(answers, [
      { category: 'billing', confidence: 0.88 },
      { category: 'bug', confidence: 0.75 },
      { category: 'account', confidence: 0.82 },
      { category: 'feature-request', confidence: 0.75 },
      { category: 'general', confidence: 0.1 },
    ]);
  });

  await t.test('matches whole words in any case, Unicode included, and ’ for \'', async (t) => {
    const rules = [
      { category: 'returns', keywords: ['rücksendung*', 'retoure'] },
      { category: 'billing', keywords: ['bill'] },
      { category: 'bug', keywords: ["doesn't work"] },
    ];
    const answers = await classify(
      t,
      { rules },
      ticket('RÜCKSENDUNGEN nicht möglich'),
      ticket('Retouren'),
      ticket('Billing question'),
      ticket('Export', 'It doesn’t   work since Monday'),
    );
    assert.deepEqual(answers, [
      { category: 'returns', confidence: 0.5 },
      { category: 'general', confidence: 0.1 },
      { category: 'general', confidence: 0.1 },
      { category: 'general', confidence: 0.1 },
    ]);
  });

  await t.test('reads phrases across spaces and punctuation, with * on their last word', async (t) => {
    const rules = [{ category: 'security', keywords: ['two-factor', 'credit card*'] }];
    const answers = await classify(t, { rules }, ticket('Two factor codes'), ticket('Update my credit-cards'), ticket('Credit score'));
    assert.deepEqual(answers, [
      { category: 'security', confidence: 0.5 },
      { category: 'security', confidence: 0.5 },
      { category: 'general', confidence: 0.1 },
    ]);
  });

  await t.test('reads the longest ticket against the most rules well within its CPU budget', async (t) => {
    const rules = Array.from({ length: 30 }, (_, rule) => ({
      category: `category-${rule}`,
      keywords: Array.from({ length: 50 }, (_, index) => `word${rule}x${index}${index % 2 ? '*' : ''}`),
    }));
    const body = Array.from({ length: 2_500 }, (_, index) => `w${index}x`).join(' ').slice(0, 20_000);
    const [answer] = await classify(t, { rules }, ticket('Lorem ipsum dolor word29x49 sit amet', `${body.slice(0, 19_980)} word0x1yz`));
    assert.deepEqual(answer, { category: 'category-29', confidence: 0.33 });
  });

  await t.test('is less sure when two categories compete, and falls back to general below minimumConfidence', async (t) => {
    const tie = ticket('Invoice page crashes');
    const bodyOnly = ticket('Question', 'Where do I find my receipt?');
    assert.deepEqual(await classify(t, {}, tie, bodyOnly), [
      { category: 'general', confidence: 0.1 },
      { category: 'general', confidence: 0.1 },
    ]);
    assert.deepEqual(await classify(t, { minimumConfidence: 0.2 }, tie, bodyOnly), [
      { category: 'billing', confidence: 0.25 },
      { category: 'billing', confidence: 0.29 },
    ]);
  });

  await t.test('answers general when the best category stays under a strict threshold', async (t) => {
    const crash = ticket('App crashes when exporting to CSV', 'Stack trace attached. It fails every time.');
    assert.deepEqual(await classify(t, { minimumConfidence: 0.75 }, crash), [{ category: 'bug', confidence: 0.75 }]);
    assert.deepEqual(await classify(t, { minimumConfidence: 0.8 }, crash), [{ category: 'general', confidence: 0.1 }]);
  });

  await t.test('works without the storage permission', async (t) => {
    const plugin = await host(t, { permissions: ['functions:ticket.classify', 'events:ticket.created'] });
    const record = await plugin.invoke('ticket.classify', ticket('Refund please'));
    assert.equal(record.outcome, 'ok');
    assert.deepEqual(record.denied, []);
  });
});

await test('ticket.created', async (t) => {
  await t.test('counts tickets per category and in total', async (t) => {
    const plugin = await host(t);
    const tickets = [
      ticketCreated('Refund for invoice 42'),
      ticketCreated('Wrong VAT on my invoice'),
      ticketCreated('Checkout crashes', 'Blank page after paying'),
      ticketCreated('Hello'),
      ticketCreated('Thanks!'),
    ];
    for (const [index, input] of tickets.entries()) {
      const record = await plugin.invoke('ticket.created', { ...input, ticketId: `tkt_${index}` });
      assert.equal(record.outcome, 'ok', record.error?.message);
    }
    assert.deepEqual(plugin.stored(), { 'count:billing': 2, 'count:bug': 1, 'count:general': 2, 'count:total': 5 });
  });

  await t.test('keeps each install\'s counters to itself', async (t) => {
    const first = await host(t, { installId: 'inst_first' });
    const second = await host(t, { installId: 'inst_second' });
    await first.invoke('ticket.created', ticketCreated('Refund for invoice 42'));
    await first.invoke('ticket.created', ticketCreated('Refund for invoice 43'));
    await second.invoke('ticket.created', ticketCreated('Password reset link expired'));

    assert.deepEqual(first.stored(), { 'count:billing': 2, 'count:total': 2 });
    assert.deepEqual(second.stored(), { 'count:account': 1, 'count:total': 1 });
  });

  await t.test('fails with outcome permission when the install does not grant storage', async (t) => {
    const plugin = await host(t, { permissions: ['functions:ticket.classify', 'events:ticket.created'] });
    const record = await plugin.invoke('ticket.created', ticketCreated('Refund for invoice 42'));

    assert.equal(record.outcome, 'permission');
    assert.equal(record.error?.code, 'PERMISSION_NOT_GRANTED');
    assert.match(record.error?.message ?? '', /does not grant storage\b/);
    assert.ok(record.denied.length > 0 && record.denied.every((denial) => denial.capability === 'storage.increment'));
    assert.deepEqual(plugin.stored(), {});
  });
});

await test('the manifest', async (t) => {
  await t.test('shows the defaults the code applies', async (t) => {
    const { manifest } = await host(t);
    assert.deepEqual(manifest.settings.properties?.rules?.default, DEFAULT_RULES);
    assert.equal(manifest.settings.properties?.minimumConfidence?.default, DEFAULT_MINIMUM_CONFIDENCE);
  });
});
