import type Stripe from 'stripe';
import { fundsOf } from '../../core/balance.js';
import type { ApiRouter } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';

/** `GET /v1/balance`: the platform's, or the connected account's named in Stripe-Account. */
export function registerBalance(api: ApiRouter): void {
  api.get('/v1/balance', (ctx) => balanceOf(ctx.state, ctx.account), []);
}

export function balanceOf(state: EmulatorState, account: string | null): Stripe.Balance {
  const funds = fundsOf(state, account);
  const known = [...new Set([...funds.available.keys(), ...funds.pending.keys()])].sort();
  const currencies = known.length ? known : [defaultCurrency(state, account)];
  const amounts = (bucket: Map<string, number>) =>
    currencies.map((currency) => {
      const amount = bucket.get(currency) ?? 0;
      return { amount, currency, source_types: { card: amount } };
    });
  const balance: Stripe.Balance = { object: 'balance', available: amounts(funds.available), livemode: false, pending: amounts(funds.pending) };
  if (!account) balance.connect_reserved = currencies.map((currency) => ({ amount: 0, currency }));
  return balance;
}

function defaultCurrency(state: EmulatorState, account: string | null): string {
  return (account && state.find<Stripe.Account>(account)?.default_currency) || 'usd';
}
