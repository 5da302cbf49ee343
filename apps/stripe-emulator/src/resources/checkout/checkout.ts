import type Stripe from 'stripe';
import { invalid } from '../../core/errors.js';
import { fieldsEqual, listOf, paginate } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { createSession, CREATE_PARAMS } from './session-create.js';
import { expireSession, expireSessions } from './session-lifecycle.js';

/** Checkout Sessions: create, retrieve, list, expire, and their line items; the page itself is checkout-pages.ts. */
export function registerCheckout(api: ApiRouter): void {
  api.onTick(expireSessions);
  api.post('/v1/checkout/sessions', createSession, CREATE_PARAMS);
  api.get('/v1/checkout/sessions', list, [...LIST_PARAMS, 'customer', 'payment_intent', 'subscription', 'status', 'customer_details', 'payment_link']);
  api.get('/v1/checkout/sessions/:id', (ctx) => ctx.state.get<Stripe.Checkout.Session>('checkout.session', ctx.path.id, ctx.account));
  api.post('/v1/checkout/sessions/:id/expire', expire, []);
  api.get('/v1/checkout/sessions/:id/line_items', (ctx) => paginate(session(ctx).line_items?.data ?? [], ctx.params, ctx.url), LIST_PARAMS);
}

function session(ctx: RequestContext): Stripe.Checkout.Session {
  return ctx.state.get<Stripe.Checkout.Session>('checkout.session', ctx.path.id, ctx.account);
}

function expire(ctx: RequestContext): Stripe.Checkout.Session {
  const found = session(ctx);
  if (found.status !== 'open') throw invalid(`Only Checkout Sessions with a status of \`open\` can be expired; this one is \`${found.status}\`.`, undefined, 'checkout_session_not_open');
  expireSession(ctx, found, ctx.state.now());
  return found;
}

function list(ctx: RequestContext) {
  const { params } = ctx;
  params.string('status', { oneOf: ['open', 'complete', 'expired'] });
  const email = params.object('customer_details')?.string('email', { required: true });
  const matches = fieldsEqual<Stripe.Checkout.Session>(params, ['customer', 'payment_intent', 'subscription', 'status', 'payment_link']);
  return listOf<Stripe.Checkout.Session>(ctx, 'checkout.session', (item) => matches(item) && (!email || item.customer_details?.email === email));
}
