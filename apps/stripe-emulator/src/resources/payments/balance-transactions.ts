import type Stripe from 'stripe';
import { fundsOf } from '../../core/balance.js';
import { paginate } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';

/** Balance transactions of the caller's scope (platform, or the account in Stripe-Account): retrieve, list. */
export function registerBalanceTransactions(api: ApiRouter): void {
  api.get('/v1/balance_transactions', list, [...LIST_PARAMS, 'type', 'source', 'currency']);
  api.get('/v1/balance_transactions/:id', (ctx) => {
    fundsOf(ctx.state, ctx.account); // moves transactions whose available_on has come to `available`
    return ctx.state.get<Stripe.BalanceTransaction>('balance_transaction', ctx.path.id, ctx.account);
  });
}

function list(ctx: RequestContext) {
  const type = ctx.params.string('type');
  const source = ctx.params.string('source');
  const currency = ctx.params.string('currency')?.toLowerCase();
  fundsOf(ctx.state, ctx.account);
  return paginate(
    ctx.state.all<Stripe.BalanceTransaction>(
      'balance_transaction',
      ctx.account,
      (txn) => (!type || txn.type === type) && (!source || txn.source === source) && (!currency || txn.currency === currency),
    ),
    ctx.params,
    ctx.url,
  );
}
