import type Stripe from 'stripe';
import type { ApiRouter, RequestContext } from '../../core/router.js';
import { inAccount, type Scope } from '../../core/scope.js';
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
      const scope = located(ctx, chargeId);
      const charge = scope.state.get<Stripe.Charge>('charge', chargeId, scope.account, 'charge');
      const amount = ctx.params.integer('amount', { min: 1 }) ?? charge.amount;
      const reason = ctx.params.string('reason', { oneOf: DISPUTE_REASONS }) ?? 'fraudulent';
      return openDispute(scope, charge, amount, reason);
    },
    ['charge', 'amount', 'reason'],
  );
  control.post(
    '/_emulator/disputes/:id/close',
    (ctx) => {
      const scope = located(ctx, ctx.path.id);
      const dispute = scope.state.get<Stripe.Dispute>('dispute', ctx.path.id, scope.account);
      const outcome = ctx.params.string('outcome', { required: true, oneOf: ['won', 'lost'] }) as 'won' | 'lost';
      return closeDispute(scope, dispute, outcome);
    },
    ['outcome'],
  );
}

/** The caller's scope, or (no Stripe-Account given) the scope the object `id` lives in. */
function located(ctx: RequestContext, id: string): Scope {
  return ctx.account ? ctx : inAccount(ctx, ctx.state.accountOf(id) ?? null);
}
