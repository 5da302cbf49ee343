import type Stripe from 'stripe';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PageEnvironment } from '../../pages/pages.js';
import { closedPage, notFoundPage, payPage } from './checkout-page-html.js';
import { submitCheckout } from './checkout-submit.js';

/** The hosted Checkout page at a session's `url`: GET shows it, POST pays (form-encoded, works without JavaScript). */
export function registerCheckoutPages(app: FastifyInstance, env: PageEnvironment): void {
  const { state } = env.emulator;
  // Hosted pages are the one area registration that sees the state: time-driven work starts here.
  const find = (id: string) => {
    const session = state.anywhere<Stripe.Checkout.Session>(id);
    return session?.object === 'checkout.session' ? session : undefined;
  };
  app.get<{ Params: { id: string } }>('/c/pay/:id', async (request, reply) => {
    const session = find(request.params.id);
    if (!session) return html(reply, 404, notFoundPage());
    return html(reply, 200, session.status === 'open' ? payPage(session, {}) : closedPage(session));
  });
  app.post<{ Params: { id: string }; Body: Record<string, unknown> | undefined }>('/c/pay/:id', async (request, reply) => {
    const session = find(request.params.id);
    if (!session) return html(reply, 404, notFoundPage());
    if (session.status !== 'open') return html(reply, 409, closedPage(session));
    const outcome = submitCheckout(state, state.accountOf(session.id) ?? null, session, request.body ?? {});
    env.emulator.scheduleSnapshot();
    if ('redirect' in outcome) return reply.code(303).header('location', outcome.redirect).send();
    return html(reply, outcome.status, payPage(session, outcome));
  });
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}
