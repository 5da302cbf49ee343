import type Stripe from 'stripe';
import { addBalanceTransaction } from '../../core/balance.js';
import { emitChanges } from '../../core/diff.js';
import { invalid, noSuch } from '../../core/errors.js';
import { idOf, newId } from '../../core/ids.js';
import { paginate } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';
import { formatMoney } from '../../pages/html.js';
import { refundDestinationPayment } from './destination-payments.js';

/** A transfer's embedded `reversals` list shows this many, newest first. */
const EMBEDDED_REVERSALS = 10;

/** Taking back (part of) a transfer: money leaves the connected account, even below zero, and returns to the platform. */
export function registerTransferReversals(api: ApiRouter): void {
  api.post('/v1/transfers/:id/reversals', create, ['amount', 'description', 'metadata', 'refund_application_fee']);
  api.get(
    '/v1/transfers/:id/reversals',
    (ctx) => {
      const transfer = ctx.state.get<Stripe.Transfer>('transfer', ctx.path.id, ctx.account);
      return paginate(reversalsOf(ctx.state, transfer.id, ctx.account), ctx.params, ctx.url);
    },
    LIST_PARAMS,
  );
  api.get('/v1/transfers/:id/reversals/:reversal', (ctx) => reversalOf(ctx), []);
  api.post(
    '/v1/transfers/:id/reversals/:reversal',
    (ctx) => {
      const reversal = reversalOf(ctx);
      reversal.metadata = ctx.params.metadata(reversal.metadata ?? {});
      const transfer = ctx.state.get<Stripe.Transfer>('transfer', ctx.path.id, ctx.account);
      transfer.reversals = embedded(ctx.state, transfer, ctx.account);
      return reversal;
    },
    ['metadata'],
  );
}

function create(ctx: RequestContext): Stripe.TransferReversal {
  const { params, state } = ctx;
  const transfer = state.get<Stripe.Transfer>('transfer', ctx.path.id, ctx.account);
  const remaining = transfer.amount - transfer.amount_reversed;
  if (remaining === 0) throw invalid(`Transfer ${transfer.id} has already been reversed in full.`, 'amount');
  const amount = params.integer('amount', { min: 1 }) ?? remaining;
  if (amount > remaining) {
    throw invalid(
      `The reversal amount (${formatMoney(amount, transfer.currency)}) is greater than what remains of transfer ${transfer.id} (${formatMoney(remaining, transfer.currency)}).`,
      'amount',
    );
  }
  params.string('description');
  params.boolean('refund_application_fee');
  const metadata = params.metadata();
  const id = newId('trr');
  const destination = idOf(transfer.destination);
  const paymentId = idOf(transfer.destination_payment);
  const refund = destination && paymentId ? refundDestinationPayment(state, paymentId, destination, amount, id) : null;
  const transaction = addBalanceTransaction(state, ctx.account, { amount, currency: transfer.currency, type: 'transfer_refund', reportingCategory: 'transfer_reversal', source: id });
  const reversal: Stripe.TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: transaction.id,
    created: state.now(),
    currency: transfer.currency,
    destination_payment_refund: refund?.id ?? null,
    metadata,
    source_refund: null,
    transfer: transfer.id,
  };
  state.insert(reversal, ctx.account);
  const before = structuredClone(transfer);
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed >= transfer.amount;
  transfer.reversals = embedded(state, transfer, ctx.account);
  ctx.emit('transfer.reversed', transfer);
  emitChanges(ctx.emit, 'transfer.updated', before, transfer);
  return reversal;
}

function reversalsOf(state: EmulatorState, transferId: string, account: string | null): Stripe.TransferReversal[] {
  return state.all<Stripe.TransferReversal>('transfer_reversal', account, (reversal) => reversal.transfer === transferId);
}

function embedded(state: EmulatorState, transfer: Stripe.Transfer, account: string | null): Stripe.Transfer['reversals'] {
  const all = reversalsOf(state, transfer.id, account);
  return { object: 'list', data: all.slice(0, EMBEDDED_REVERSALS).map((reversal) => structuredClone(reversal)), has_more: all.length > EMBEDDED_REVERSALS, url: `/v1/transfers/${transfer.id}/reversals` };
}

function reversalOf(ctx: RequestContext): Stripe.TransferReversal {
  const reversal = ctx.state.get<Stripe.TransferReversal>('transfer_reversal', ctx.path.reversal, ctx.account);
  if (reversal.transfer !== ctx.path.id) throw noSuch('transfer_reversal', ctx.path.reversal);
  return reversal;
}
