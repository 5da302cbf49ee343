import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test, type TestContext } from 'node:test';
import type { FunctionInput } from '@guild/plugin-sdk';
import { createTestHost } from '@guild/plugin-sdk/testing';
import { DEFAULT_LABEL, type Settings } from '../src/settings.js';

type Cart = FunctionInput<'cart.discounts'>;
type CartLine = Cart['lines'][number];

const dir = fileURLToPath(new URL('..', import.meta.url));
const TIERS = [
  { minQuantity: 50, percentOff: 10 },
  { minQuantity: 10, percentOff: 5 },
  { minQuantity: 100, percentOff: 15 },
];

const line = (lineId: string, sku: string, quantity: number, unitAmount: number): CartLine => ({ lineId, sku, quantity, unitAmount, amount: quantity * unitAmount });

const cart = (lines: CartLine[], fields: Partial<Cart> = {}): Cart => ({
  cartId: 'cart_1',
  workspaceId: 'ws_acme',
  currency: 'EUR',
  lines,
  subtotal: lines.reduce((sum, each) => sum + each.amount, 0),
  createdAt: '2025-03-14T09:30:00.000Z',
  ...fields,
});

const discount = (lineId: string, amount: number, label = DEFAULT_LABEL, currency = 'EUR') => ({ lineId, amount, currency, label });

async function answerFor(t: TestContext, settings: Settings, input: Cart): Promise<unknown> {
  const host = await createTestHost({ dir, settings: { ...settings } });
  t.after(() => host.close());
  const record = await host.invoke('cart.discounts', input);
  // 'ok' also means the answer passed the platform's output validation for cart.discounts.
  assert.equal(record.outcome, 'ok', record.error?.message);
  return record.output;
}

await test('cart.discounts', async (t) => {
  await t.test('gives each line the best tier its quantity reaches', async (t) => {
    const input = cart([line('l1', 'PEN-1', 9, 100), line('l2', 'PEN-2', 10, 100), line('l3', 'PAD-1', 60, 250), line('l4', 'INK-1', 500, 40)]);
    assert.deepEqual(await answerFor(t, { tiers: TIERS }, input), { discounts: [discount('l2', 50), discount('l3', 1500), discount('l4', 3000)] });
  });

  await t.test('prefers the larger discount, not the higher threshold', async (t) => {
    const tiers = [{ minQuantity: 5, percentOff: 20 }, { minQuantity: 10, percentOff: 10 }];
    assert.deepEqual(await answerFor(t, { tiers }, cart([line('l1', 'A', 12, 100)])), { discounts: [discount('l1', 240)] });
  });

  await t.test('discounts only SKUs with the prefix, under its own label and in the cart currency', async (t) => {
    const input = cart([line('l1', 'BULK-PAPER', 20, 1000), line('l2', 'PAPER', 20, 1000), line('l3', 'bulk-ink', 20, 1000)], { currency: 'USD' });
    assert.deepEqual(await answerFor(t, { tiers: TIERS, skuPrefix: 'BULK-', label: 'Bulk pricing' }, input), {
      discounts: [discount('l1', 1000, 'Bulk pricing', 'USD')],
    });
  });

  await t.test('rounds down to the minor unit, exactly', async (t) => {
    const tiers = [{ minQuantity: 1, percentOff: 33.3 }];
    const input = cart([line('l1', 'A', 1, 3000), line('l2', 'B', 3, 333), line('l3', 'C', 1, 1)]);
    // 999 (floating point says 998.999…), 332.667 → 332, 0.333 → nothing.
    assert.deepEqual(await answerFor(t, { tiers }, input), { discounts: [discount('l1', 999), discount('l2', 332)] });
  });

  await t.test('caps each line at maxDiscountPerLine', async (t) => {
    const input = cart([line('l1', 'A', 200, 10_000), line('l2', 'B', 20, 100)]);
    assert.deepEqual(await answerFor(t, { tiers: TIERS, maxDiscountPerLine: 5_000 }, input), { discounts: [discount('l1', 5_000), discount('l2', 100)] });
  });

  await t.test('never takes off more than the line costs', async (t) => {
    const input = cart([line('l1', 'A', 10, 999), line('l2', 'B', 10, 0)]);
    assert.deepEqual(await answerFor(t, { tiers: [{ minQuantity: 1, percentOff: 100 }] }, input), { discounts: [discount('l1', 9_990)] });
  });

  await t.test('stays exact on the largest amounts', async (t) => {
    const input = cart([line('l1', 'A', 1, Number.MAX_SAFE_INTEGER)]);
    assert.deepEqual(await answerFor(t, { tiers: [{ minQuantity: 1, percentOff: 50 }] }, input), { discounts: [discount('l1', 4_503_599_627_370_495)] });
  });

  await t.test('answers no discounts when no tier applies', async (t) => {
    assert.deepEqual(await answerFor(t, { tiers: TIERS }, cart([line('l1', 'A', 9, 100), line('l2', 'B', 1, 5_000)])), { discounts: [] });
  });
});

await test('the manifest', async (t) => {
  await t.test('shows the label the code applies by default', async (t) => {
    const host = await createTestHost({ dir, settings: { tiers: TIERS } });
    t.after(() => host.close());
    assert.equal(host.manifest.settings.properties?.label?.default, DEFAULT_LABEL);
  });

  await t.test('refuses tiers outside 0 < percentOff ≤ 100 at install', async () => {
    for (const percentOff of [0, 100.5]) {
      await assert.rejects(createTestHost({ dir, settings: { tiers: [{ minQuantity: 1, percentOff }] } }), /settings do not match/);
    }
  });
});
