import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Stripe from 'stripe';
import { StripeEmulator } from '../../apps/stripe-emulator/src/index.js';
import { control, stripeClient, useEmulator, type EmulatorHarness } from '../support/stripe-emulator.js';

const DAY = 24 * 60 * 60;

/** A connected Express account that went through hosted onboarding (so transfers and payouts are enabled). */
async function onboardedAccount(h: EmulatorHarness): Promise<string> {
  const account = await h.stripe.accounts.create({ type: 'express', capabilities: { card_payments: { requested: true }, transfers: { requested: true } } });
  const link = await h.stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'https://guild.test/refresh', return_url: 'https://guild.test/return' });
  await (await fetch(link.url)).text();
  const fields = { legal_name: 'Ada Lovelace', email: 'ada@example.com', routing_number: '110000000', account_number: '000123456789', action: 'submit' };
  const response = await fetch(link.url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  expect(response.status).toBe(303);
  return account.id;
}

/** Money in the platform's balance from a buyer's card payment; `pm_card_bypassPending` makes it available at once. */
async function charge(h: EmulatorHarness, amount: number, paymentMethod = 'pm_card_bypassPending'): Promise<string> {
  const intent = await h.stripe.paymentIntents.create({ amount, currency: 'usd', payment_method: paymentMethod, confirm: true });
  expect(intent.status).toBe('succeeded');
  return intent.latest_charge as string;
}

async function balance(h: EmulatorHarness, account?: string): Promise<{ available: number; pending: number }> {
  const result = await h.stripe.balance.retrieve({}, account ? { stripeAccount: account } : undefined);
  const usd = (entries: { amount: number; currency: string }[]) => entries.find((entry) => entry.currency === 'usd')?.amount ?? 0;
  return { available: usd(result.available), pending: usd(result.pending) };
}

async function latestEvent(h: EmulatorHarness, type: string, account?: string): Promise<Stripe.Event | undefined> {
  return (await h.stripe.events.list({ type, limit: 1 }, account ? { stripeAccount: account } : undefined)).data[0];
}

describe('Stripe emulator: transfers, reversals, balances and payouts', () => {
  const h = useEmulator();

  it('transfers from the available balance: platform debited, connected account credited with a py_ payment', async () => {
    await charge(h, 10_000);
    const destination = await onboardedAccount(h);
    const platformBefore = await balance(h);
    const transfer = await h.stripe.transfers.create({ amount: 3000, currency: 'usd', destination, transfer_group: 'order_1', description: 'Order 1', metadata: { order: '1' } });
    expect(transfer).toMatchObject({ object: 'transfer', amount: 3000, amount_reversed: 0, reversed: false, destination, transfer_group: 'order_1', source_transaction: null, metadata: { order: '1' } });
    expect(transfer.destination_payment).toMatch(/^py_/);
    expect(transfer.balance_transaction).toMatch(/^txn_/);
    expect(transfer.reversals).toMatchObject({ object: 'list', data: [], url: `/v1/transfers/${transfer.id}/reversals` });

    expect((await balance(h)).available).toBe(platformBefore.available - 3000);
    expect(await balance(h, destination)).toEqual({ available: 3000, pending: 0 });
    const expanded = await h.stripe.transfers.retrieve(transfer.id, { expand: ['balance_transaction'] });
    expect(expanded.balance_transaction).toMatchObject({ type: 'transfer', amount: -3000, source: transfer.id });
    expect((await latestEvent(h, 'transfer.created'))?.data.object).toMatchObject({ id: transfer.id });

    expect((await h.stripe.transfers.list({ destination })).data.map((t) => t.id)).toEqual([transfer.id]);
    expect((await h.stripe.transfers.list({ transfer_group: 'order_2' })).data).toEqual([]);
    const updated = await h.stripe.transfers.update(transfer.id, { metadata: { order: '1b' } });
    expect(updated.metadata).toEqual({ order: '1b' });
    expect((await latestEvent(h, 'transfer.updated'))?.data.previous_attributes).toEqual({ metadata: { order: '1' } });
  });

  it('refuses transfers the balance cannot cover or to accounts without transfers, and fails the next one on demand', async () => {
    await charge(h, 2000);
    const destination = await onboardedAccount(h);
    const { available } = await balance(h);
    await expect(h.stripe.transfers.create({ amount: available + 1, currency: 'usd', destination })).rejects.toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    const notOnboarded = await h.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    await expect(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: notOnboarded.id })).rejects.toMatchObject({
      statusCode: 400,
      code: 'insufficient_capabilities_for_transfer',
      message: expect.stringContaining('capabilities enabled: transfers'),
    });
    await expect(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: 'acct_missing' })).rejects.toMatchObject({ code: 'resource_missing', param: 'destination' });

    await h.control('POST', '/_emulator/transfers/fail-next', { message: 'The bank said no.' });
    await expect(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination })).rejects.toMatchObject({ statusCode: 400, message: 'The bank said no.' });
    await expect(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination })).resolves.toMatchObject({ amount: 100 });
    expect((await balance(h)).available).toBe(available - 100);
  });

  it('transfers from a source_transaction using pending funds, up to what the charge has left', async () => {
    const destination = await onboardedAccount(h);
    const chargeId = await charge(h, 10_000, 'pm_card_visa');
    const before = await balance(h);
    const first = await h.stripe.transfers.create({ amount: 6000, currency: 'usd', destination, source_transaction: chargeId });
    expect(first.source_transaction).toBe(chargeId);
    const after = await balance(h);
    expect(after).toEqual({ available: before.available, pending: before.pending - 6000 });
    expect(await balance(h, destination)).toEqual({ available: 0, pending: 6000 });

    await expect(h.stripe.transfers.create({ amount: 5000, currency: 'usd', destination, source_transaction: chargeId })).rejects.toMatchObject({ statusCode: 400, param: 'amount' });
    await expect(h.stripe.transfers.create({ amount: 4000, currency: 'usd', destination, source_transaction: chargeId })).resolves.toMatchObject({ amount: 4000 });
    await expect(h.stripe.transfers.create({ amount: 1, currency: 'usd', destination, source_transaction: 'ch_missing' })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'source_transaction',
    });
  });

  it('reverses a transfer in part and then in full, moving money back on both sides', async () => {
    await charge(h, 8000);
    const destination = await onboardedAccount(h);
    const transfer = await h.stripe.transfers.create({ amount: 5000, currency: 'usd', destination });
    const platformBefore = (await balance(h)).available;

    const partial = await h.stripe.transfers.createReversal(transfer.id, { amount: 2000, metadata: { reason: 'refund' } });
    expect(partial).toMatchObject({ object: 'transfer_reversal', amount: 2000, transfer: transfer.id, metadata: { reason: 'refund' } });
    expect(partial.id).toMatch(/^trr_/);
    expect(partial.destination_payment_refund).toMatch(/^pyr_/);
    expect(await h.stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 2000, reversed: false, reversals: { data: [expect.objectContaining({ id: partial.id })] } });
    expect((await balance(h, destination)).available).toBe(3000);
    expect((await balance(h)).available).toBe(platformBefore + 2000);
    expect((await latestEvent(h, 'transfer.reversed'))?.data.object).toMatchObject({ id: transfer.id, amount_reversed: 2000 });

    const rest = await h.stripe.transfers.createReversal(transfer.id);
    expect(rest.amount).toBe(3000);
    expect(await h.stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 5000, reversed: true });
    expect((await balance(h, destination)).available).toBe(0);
    expect((await balance(h)).available).toBe(platformBefore + 5000);
    expect((await h.stripe.transfers.listReversals(transfer.id)).data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect(await h.stripe.transfers.retrieveReversal(transfer.id, partial.id)).toMatchObject({ amount: 2000 });
    await expect(h.stripe.transfers.createReversal(transfer.id, { amount: 1 })).rejects.toMatchObject({ statusCode: 400, param: 'amount' });

    const second = await h.stripe.transfers.create({ amount: 1000, currency: 'usd', destination });
    await expect(h.stripe.transfers.createReversal(second.id, { amount: 1001 })).rejects.toMatchObject({ statusCode: 400, param: 'amount' });
  });

  it('lets a reversal take the connected account below zero after its money was paid out', async () => {
    await charge(h, 4000);
    const destination = await onboardedAccount(h);
    const transfer = await h.stripe.transfers.create({ amount: 3000, currency: 'usd', destination });
    await h.stripe.payouts.create({ amount: 3000, currency: 'usd' }, { stripeAccount: destination });
    await h.stripe.transfers.createReversal(transfer.id);
    expect((await balance(h, destination)).available).toBe(-3000);
  });

  it('pays out from a connected account: pending, then paid once the clock passes arrival_date', async () => {
    await charge(h, 6000);
    const destination = await onboardedAccount(h);
    await h.stripe.transfers.create({ amount: 5000, currency: 'usd', destination });
    const payout = await h.stripe.payouts.create({ amount: 3000, currency: 'usd', description: 'Weekly' }, { stripeAccount: destination });
    expect(payout).toMatchObject({ object: 'payout', amount: 3000, status: 'pending', method: 'standard', description: 'Weekly', destination: expect.stringMatching(/^ba_/) });
    expect(payout.arrival_date).toBe(payout.created + DAY);
    expect((await balance(h, destination)).available).toBe(2000);
    expect((await latestEvent(h, 'payout.created', destination))?.data.object).toMatchObject({ id: payout.id });
    expect(await latestEvent(h, 'payout.created')).toBeUndefined();

    await h.control('POST', '/_emulator/clock/advance', { seconds: DAY });
    expect(await h.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: destination })).toMatchObject({ status: 'paid' });
    expect((await latestEvent(h, 'payout.paid', destination))?.data.object).toMatchObject({ id: payout.id, status: 'paid' });
    expect((await h.stripe.payouts.list({ status: 'paid' }, { stripeAccount: destination })).data.map((p) => p.id)).toEqual([payout.id]);
    expect((await h.stripe.payouts.list({ status: 'pending' }, { stripeAccount: destination })).data).toEqual([]);

    const dashboard = await (await fetch((await h.stripe.accounts.createLoginLink(destination)).url)).text();
    expect(dashboard).toContain('$30.00');
    expect(dashboard).toContain('paid');
    expect(dashboard).toContain('$20.00');
  });

  it('fails a payout at arrival when told to, and gives the money back', async () => {
    await charge(h, 3000);
    const destination = await onboardedAccount(h);
    await h.stripe.transfers.create({ amount: 2000, currency: 'usd', destination });
    await h.control('POST', '/_emulator/payouts/fail-next', { failure_code: 'no_account' });
    const payout = await h.stripe.payouts.create({ amount: 1500, currency: 'usd' }, { stripeAccount: destination });
    expect((await balance(h, destination)).available).toBe(500);

    await h.control('POST', '/_emulator/clock/advance', { seconds: DAY });
    const failed = await h.stripe.payouts.retrieve(payout.id, { expand: ['failure_balance_transaction'] }, { stripeAccount: destination });
    expect(failed).toMatchObject({ status: 'failed', failure_code: 'no_account', failure_message: expect.stringContaining('No bank account'), failure_balance_transaction: { type: 'payout_failure', amount: 1500 } });
    expect((await balance(h, destination)).available).toBe(2000);
    expect((await latestEvent(h, 'payout.failed', destination))?.data.object).toMatchObject({ id: payout.id, status: 'failed' });

    const next = await h.stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: destination });
    await h.control('POST', '/_emulator/clock/advance', { seconds: DAY });
    expect(await h.stripe.payouts.retrieve(next.id, {}, { stripeAccount: destination })).toMatchObject({ status: 'paid' });
  });

  it('refuses payouts without payouts_enabled or enough available balance, cancels a pending one, and pays out the platform too', async () => {
    await charge(h, 3000);
    const destination = await onboardedAccount(h);
    await h.stripe.transfers.create({ amount: 2000, currency: 'usd', destination });
    await expect(h.stripe.payouts.create({ amount: 2001, currency: 'usd' }, { stripeAccount: destination })).rejects.toMatchObject({ statusCode: 400, code: 'balance_insufficient' });

    const payout = await h.stripe.payouts.create({ amount: 1200, currency: 'usd' }, { stripeAccount: destination });
    const canceled = await h.stripe.payouts.cancel(payout.id, {}, { stripeAccount: destination });
    expect(canceled.status).toBe('canceled');
    expect((await balance(h, destination)).available).toBe(2000);
    expect((await latestEvent(h, 'payout.canceled', destination))?.data.object).toMatchObject({ id: payout.id });
    await expect(h.stripe.payouts.cancel(payout.id, {}, { stripeAccount: destination })).rejects.toMatchObject({ statusCode: 400 });

    await h.control('POST', `/_emulator/accounts/${destination}/restrict`);
    await expect(h.stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: destination })).rejects.toMatchObject({ statusCode: 400, code: 'payouts_not_allowed' });
    const fresh = await h.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    await expect(h.stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: fresh.id })).rejects.toMatchObject({ code: 'payouts_not_allowed' });

    const platformBefore = (await balance(h)).available;
    const platformPayout = await h.stripe.payouts.create({ amount: 100, currency: 'usd' });
    expect(platformPayout).toMatchObject({ status: 'pending', amount: 100 });
    expect((await balance(h)).available).toBe(platformBefore - 100);
    expect((await latestEvent(h, 'payout.created'))?.data.object).toMatchObject({ id: platformPayout.id });
  });

  it('still pays out a pending payout after a restart from a snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stripe-emulator-payouts-'));
    const start = async (): Promise<EmulatorHarness> => {
      const emulator = new StripeEmulator({ snapshotPath: join(dir, 'state.json') });
      const url = await emulator.listen(0);
      return { emulator, stripe: stripeClient(new URL(url)), control: (method, path, params) => control(url, method, path, params) };
    };
    try {
      const first = await start();
      await charge(first, 2000);
      const destination = await onboardedAccount(first);
      await first.stripe.transfers.create({ amount: 1000, currency: 'usd', destination });
      const payout = await first.stripe.payouts.create({ amount: 1000, currency: 'usd' }, { stripeAccount: destination });
      await first.emulator.close();

      const second = await start();
      await second.control('POST', '/_emulator/clock/advance', { seconds: DAY });
      expect(await second.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: destination })).toMatchObject({ status: 'paid' });
      await second.emulator.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
