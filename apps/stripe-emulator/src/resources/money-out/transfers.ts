import type Stripe from 'stripe';
import { addBalanceTransaction, fundsOf } from '../../core/balance.js';
import { emitChanges } from '../../core/diff.js';
import { invalid, missingParam, noSuch, StripeApiError } from '../../core/errors.js';
import { idOf, newId } from '../../core/ids.js';
import { fieldsEqual, listOf } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';
import { createDestinationPayment } from './destination-payments.js';

/** Transfers from the platform's balance to connected accounts ("separate charges and transfers"). */
export function registerTransfers(api: ApiRouter): void {
  api.post('/v1/transfers', create, ['amount', 'currency', 'destination', 'transfer_group', 'source_transaction', 'source_type', 'description', 'metadata']);
  api.get('/v1/transfers', (ctx) => listOf(ctx, 'transfer', fieldsEqual<Stripe.Transfer>(ctx.params, ['destination', 'transfer_group'])), [...LIST_PARAMS, 'destination', 'transfer_group']);
  api.get('/v1/transfers/:id', (ctx) => ctx.state.get<Stripe.Transfer>('transfer', ctx.path.id, ctx.account), []);
  api.post(
    '/v1/transfers/:id',
    (ctx) => {
      const transfer = ctx.state.get<Stripe.Transfer>('transfer', ctx.path.id, ctx.account);
      const description = ctx.params.has('description') ? (ctx.params.string('description') ?? null) : transfer.description;
      const metadata = ctx.params.metadata(transfer.metadata);
      const before = structuredClone(transfer);
      Object.assign(transfer, { description, metadata });
      emitChanges(ctx.emit, 'transfer.updated', before, transfer);
      return transfer;
    },
    ['description', 'metadata'],
  );
}

function create(ctx: RequestContext): Stripe.Transfer {
  const { params, state } = ctx;
  if (ctx.account) throw invalid('Transfers to connected accounts are made by the platform: leave out the Stripe-Account header.');
  const currency = params.currency();
  const destinationId = params.string('destination', { required: true });
  const sourceId = params.string('source_transaction');
  params.string('source_type', { oneOf: ['bank_account', 'card', 'fpx'] });
  const description = params.string('description') ?? null;
  const metadata = params.metadata();
  const group = params.string('transfer_group');
  const source = sourceId ? sourceCharge(state, sourceId, currency) : undefined;
  const amount = params.integer('amount', { min: 1 }) ?? (source ? source.remaining : undefined);
  if (amount === undefined) throw missingParam('amount');
  const destination = state.find<Stripe.Account>(destinationId);
  // Stripe names the param here, not the object type.
  if (destination?.object !== 'account') throw noSuch('destination', destinationId, 'destination');
  const capabilities = (destination.capabilities ?? {}) as Record<string, string>;
  if (!['transfers', 'crypto_transfers', 'legacy_payments'].some((name) => capabilities[name] === 'active')) {
    throw new StripeApiError(400, 'invalid_request_error', 'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments', {
      code: 'insufficient_capabilities_for_transfer',
      param: 'destination',
    });
  }
  if (source && amount > source.remaining) {
    throw invalid(
      `The transfer amount (${amount}) exceeds what is left to transfer from the source transaction ${source.charge.id} (${source.remaining} ${currency}).`,
      'amount',
      'balance_insufficient',
    );
  }
  if (!source && (fundsOf(state, null).available.get(currency) ?? 0) < amount) {
    throw invalid(
      'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance',
      undefined,
      'balance_insufficient',
    );
  }
  const failure = state.controls.failNextTransfer;
  if (failure) {
    state.controls.failNextTransfer = null;
    throw new StripeApiError(400, 'invalid_request_error', failure);
  }
  const now = state.now();
  // Money from a source transaction moves with that charge's funds: pending until they settle.
  const availableOn = Math.max(now, source?.availableOn ?? now);
  const transfer: Stripe.Transfer = {
    id: newId('tr'),
    object: 'transfer',
    amount,
    amount_reversed: 0,
    balance_transaction: null,
    created: now,
    currency,
    description,
    destination: destination.id,
    livemode: false,
    metadata,
    reversals: { object: 'list', data: [], has_more: false, url: '' },
    reversed: false,
    source_transaction: source?.charge.id ?? null,
    source_type: 'card',
    transfer_group: group ?? source?.charge.transfer_group ?? null,
  };
  transfer.reversals.url = `/v1/transfers/${transfer.id}/reversals`;
  transfer.balance_transaction = addBalanceTransaction(state, null, { amount: -amount, currency, type: 'transfer', reportingCategory: 'transfer', source: transfer.id, availableOn }).id;
  transfer.destination_payment = createDestinationPayment(state, transfer, destination.id, availableOn).id;
  state.insert(transfer);
  ctx.emit('transfer.created', transfer);
  return transfer;
}

interface SourceCharge {
  charge: Stripe.Charge;
  /** What may still be transferred from it: captured, less refunds and earlier transfers (net of their reversals). */
  remaining: number;
  availableOn: number;
}

function sourceCharge(state: EmulatorState, id: string, currency: string): SourceCharge {
  const charge = state.get<Stripe.Charge>('charge', id, null, 'source_transaction');
  if (charge.status !== 'succeeded' || !charge.captured) throw invalid(`The source_transaction ${id} has not succeeded, so there are no funds to transfer from it.`, 'source_transaction');
  if (charge.currency !== currency) {
    throw invalid(`The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${currency}).`, 'currency');
  }
  const transferred = state
    .all<Stripe.Transfer>('transfer', null, (transfer) => transfer.source_transaction === id)
    .reduce((sum, transfer) => sum + transfer.amount - transfer.amount_reversed, 0);
  const transactionId = idOf(charge.balance_transaction);
  const transaction = transactionId ? state.find<Stripe.BalanceTransaction>(transactionId) : undefined;
  return { charge, remaining: Math.max(0, charge.amount_captured - charge.amount_refunded - transferred), availableOn: transaction?.available_on ?? state.now() };
}
