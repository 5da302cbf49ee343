import type Stripe from 'stripe';
import { invalid, noSuch } from '../../core/errors.js';
import type { ApiRouter, RequestContext } from '../../core/router.js';
import { emitOf } from './emit-of.js';
import { closeDispute, DISPUTE_REASONS, openDispute } from './dispute-lifecycle.js';

/**
 * Control switches for payments: open a dispute on a charge, close it won or lost. The charge or dispute may live on the
 * platform or on a connected account; without a Stripe-Account header the object's own scope is used.
 */
export function registerPaymentControls(control: ApiRouter): void {
  control.post(
    '/_emulator/disputes',
    (ctx) => {
      const chargeId = ctx.params.string('charge', { required: true });
      const { object: charge, account } = located<Stripe.Charge>(ctx, chargeId, 'charge', 'charge');
      const amount = ctx.params.integer('amount', { min: 1 }) ?? charge.amount;
      const reason = ctx.params.string('reason', { oneOf: DISPUTE_REASONS }) ?? 'fraudulent';
      return openDispute(ctx.state, emitOf(ctx), account, charge, amount, reason);
    },
    ['charge', 'amount', 'reason'],
  );
  control.post(
    '/_emulator/disputes/:id/close',
    (ctx) => {
      const { object: dispute, account } = located<Stripe.Dispute>(ctx, ctx.path.id, 'dispute');
      const outcome = ctx.params.string('outcome', { required: true, oneOf: ['won', 'lost'] }) as 'won' | 'lost';
      if (dispute.status === 'won' || dispute.status === 'lost') throw invalid(`Dispute ${dispute.id} is already closed (${dispute.status}).`, undefined, 'dispute_already_closed');
      return closeDispute(ctx.state, emitOf(ctx), account, dispute, outcome);
    },
    ['outcome'],
  );
}

/** The object in the caller's scope, or (no Stripe-Account given) wherever it lives, with that scope. */
function located<T extends { id: string; object: string }>(ctx: RequestContext, id: string, kind: string, param?: string): { object: T; account: string | null } {
  const account = ctx.account ?? ctx.state.accountOf(id) ?? null;
  const object = ctx.state.find<T>(id, account);
  if (!object || object.object !== kind) throw noSuch(kind, id, param);
  return { object, account };
}
