import type Stripe from 'stripe';
import { fundsOf } from '../../core/balance.js';
import { emitChanges } from '../../core/diff.js';
import { fieldsEqual, listOf } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';

/** Charges (made by PaymentIntents): retrieve, update description and metadata, list. */
export function registerCharges(api: ApiRouter): void {
  api.get('/v1/charges', list, [...LIST_PARAMS, 'customer', 'payment_intent', 'transfer_group']);
  api.get('/v1/charges/:id', (ctx) => {
    fundsOf(ctx.state, ctx.account); // an expanded balance_transaction shows its current status
    return ctx.state.get<Stripe.Charge>('charge', ctx.path.id, ctx.account);
  });
  api.post('/v1/charges/:id', update, ['description', 'metadata']);
}

function update(ctx: RequestContext): Stripe.Charge {
  const charge = ctx.state.get<Stripe.Charge>('charge', ctx.path.id, ctx.account);
  const before = structuredClone(charge);
  if (ctx.params.has('description')) charge.description = ctx.params.string('description') ?? null;
  charge.metadata = ctx.params.metadata(charge.metadata);
  emitChanges(ctx.emit, 'charge.updated', before, charge);
  return charge;
}

function list(ctx: RequestContext) {
  return listOf(ctx, 'charge', fieldsEqual<Stripe.Charge>(ctx.params, ['customer', 'payment_intent', 'transfer_group']));
}
