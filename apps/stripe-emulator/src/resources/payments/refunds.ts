import type Stripe from 'stripe';
import { addBalanceTransaction } from '../../core/balance.js';
import { emitChanges } from '../../core/diff.js';
import { invalid } from '../../core/errors.js';
import { idOf, newId } from '../../core/ids.js';
import { fieldsEqual, listOf } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { formatMoney } from '../../pages/html.js';

/** Refunds of card charges: create (whole or partial), retrieve, update metadata, list. They succeed at once, as test-mode card refunds do. */
export function registerRefunds(api: ApiRouter): void {
  api.post('/v1/refunds', create, ['charge', 'payment_intent', 'amount', 'reason', 'metadata']);
  api.get('/v1/refunds', list, [...LIST_PARAMS, 'charge', 'payment_intent']);
  api.get('/v1/refunds/:id', (ctx) => ctx.state.get<Stripe.Refund>('refund', ctx.path.id, ctx.account));
  api.post('/v1/refunds/:id', update, ['metadata']);
}

function create(ctx: RequestContext): Stripe.Refund {
  const { params, state } = ctx;
  const charge = chargeToRefund(ctx);
  const rest = charge.amount - charge.amount_refunded;
  if (charge.status !== 'succeeded') throw invalid(`Charge ${charge.id} cannot be refunded because it has a status of ${charge.status}.`, 'charge', 'charge_not_refundable');
  if (charge.disputed && openOrLostDispute(ctx, charge.id)) throw invalid(`Charge ${charge.id} has been charged back; cannot issue a refund.`, 'charge', 'charge_disputed');
  if (rest <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, 'charge', 'charge_already_refunded');
  const amount = params.integer('amount', { min: 1 }) ?? rest;
  if (amount > rest) {
    throw invalid(
      `Refund amount (${formatMoney(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMoney(rest, charge.currency)})`,
      'amount',
      'amount_too_large',
    );
  }
  const id = newId('re');
  const transaction = addBalanceTransaction(state, ctx.account, {
    amount: -amount,
    currency: charge.currency,
    type: 'refund',
    reportingCategory: 'refund',
    source: id,
    description: `REFUND FOR CHARGE${charge.description ? ` (${charge.description})` : ''}`,
  });
  const refund: Stripe.Refund = {
    id,
    object: 'refund',
    amount,
    balance_transaction: transaction.id,
    charge: charge.id,
    created: state.now(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: { type: 'card', card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' } },
    metadata: params.metadata(),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: params.string('reason', { oneOf: ['duplicate', 'fraudulent', 'requested_by_customer'] }) ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  state.insert(refund, ctx.account);
  const before = structuredClone(charge);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds = { object: 'list', data: [refund, ...(charge.refunds?.data ?? [])], has_more: false, url: `/v1/charges/${charge.id}/refunds` };
  ctx.emit('refund.created', refund);
  emitChanges(ctx.emit, 'charge.refunded', before, charge);
  return refund;
}

/** The charge named by `charge`, or the latest charge of `payment_intent`. */
function chargeToRefund(ctx: RequestContext): Stripe.Charge {
  const { params, state } = ctx;
  const chargeId = params.string('charge');
  const intentId = params.string('payment_intent');
  if (!chargeId && !intentId) throw invalid('One of the following params should be provided for this request: payment_intent or charge.', undefined, 'parameter_missing');
  if (chargeId) {
    const charge = state.get<Stripe.Charge>('charge', chargeId, ctx.account, 'charge');
    if (intentId && charge.payment_intent !== intentId) throw invalid(`Charge ${chargeId} does not belong to PaymentIntent ${intentId}.`, 'payment_intent');
    return charge;
  }
  const intent = state.get<Stripe.PaymentIntent>('payment_intent', intentId!, ctx.account, 'payment_intent');
  const latest = idOf(intent.latest_charge);
  if (intent.status !== 'succeeded' || !latest) {
    throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'payment_intent', 'charge_not_refundable');
  }
  return state.get<Stripe.Charge>('charge', latest, ctx.account, 'payment_intent');
}

function openOrLostDispute(ctx: RequestContext, chargeId: string): boolean {
  return ctx.state.all<Stripe.Dispute>('dispute', ctx.account, (dispute) => dispute.charge === chargeId).some((dispute) => dispute.status !== 'won');
}

function update(ctx: RequestContext): Stripe.Refund {
  const refund = ctx.state.get<Stripe.Refund>('refund', ctx.path.id, ctx.account);
  const before = structuredClone(refund);
  refund.metadata = ctx.params.metadata(refund.metadata ?? {});
  const charge = typeof refund.charge === 'string' ? ctx.state.find<Stripe.Charge>(refund.charge, ctx.account) : undefined;
  if (charge?.refunds) charge.refunds.data = charge.refunds.data.map((item) => (item.id === refund.id ? refund : item));
  emitChanges(ctx.emit, 'refund.updated', before, refund);
  return refund;
}

function list(ctx: RequestContext) {
  return listOf(ctx, 'refund', fieldsEqual<Stripe.Refund>(ctx.params, ['charge', 'payment_intent']));
}
