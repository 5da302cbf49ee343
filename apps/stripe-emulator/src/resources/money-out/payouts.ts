import type Stripe from 'stripe';
import { addBalanceTransaction, fundsOf } from '../../core/balance.js';
import { emitChanges } from '../../core/diff.js';
import { invalid, StripeApiError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { paginate } from '../../core/list.js';
import type { Params } from '../../core/params.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { connectedAccount } from '../connect/account-state.js';
import type { BankSecrets } from '../connect/onboarding.js';
import type { PayoutSecrets } from './payout-arrivals.js';

const STANDARD_ARRIVAL_SECONDS = 24 * 60 * 60;
const INSTANT_ARRIVAL_SECONDS = 30 * 60;

/** Payouts from a balance (a connected account's with Stripe-Account, or the platform's) to its bank account. */
export function registerPayouts(api: ApiRouter): void {
  api.post('/v1/payouts', create, ['amount', 'currency', 'description', 'metadata', 'method', 'statement_descriptor', 'destination', 'source_type']);
  api.get('/v1/payouts', list, [...LIST_PARAMS, 'status', 'arrival_date', 'destination']);
  api.get('/v1/payouts/:id', (ctx) => ctx.state.get<Stripe.Payout>('payout', ctx.path.id, ctx.account), []);
  api.post(
    '/v1/payouts/:id',
    (ctx) => {
      const payout = ctx.state.get<Stripe.Payout>('payout', ctx.path.id, ctx.account);
      const before = structuredClone(payout);
      payout.metadata = ctx.params.metadata(payout.metadata ?? {});
      emitChanges(ctx.emit, 'payout.updated', before, payout);
      return payout;
    },
    ['metadata'],
  );
  api.post('/v1/payouts/:id/cancel', cancel, []);
}

function create(ctx: RequestContext): Stripe.Payout {
  const { params, state } = ctx;
  const amount = params.integer('amount', { required: true, min: 1 });
  const currency = params.currency();
  const method = params.string('method', { oneOf: ['standard', 'instant'] }) ?? 'standard';
  const descriptor = params.string('statement_descriptor', { max: 22 });
  params.string('source_type', { oneOf: ['bank_account', 'card', 'fpx'] });
  const description = params.string('description') ?? null;
  const metadata = params.metadata();
  const account = ctx.account ? connectedAccount(state, ctx.account) : undefined;
  if (account && !account.payouts_enabled) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      "Payouts have been disabled on the connected account. Check the connected account's status to see if any additional information needs to be provided, or if payouts have been disabled for another reason.",
      { code: 'payouts_not_allowed' },
    );
  }
  const destination = bankAccount(ctx, account);
  if ((fundsOf(state, ctx.account).available.get(currency) ?? 0) < amount) {
    throw invalid(
      'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).',
      undefined,
      'balance_insufficient',
    );
  }
  const now = state.now();
  const id = newId('po');
  const transaction = addBalanceTransaction(state, ctx.account, { amount: -amount, currency, type: 'payout', reportingCategory: 'payout', source: id, description });
  const payout: Stripe.Payout = {
    id,
    object: 'payout',
    amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: now + (method === 'instant' ? INSTANT_ARRIVAL_SECONDS : STANDARD_ARRIVAL_SECONDS),
    automatic: false,
    balance_transaction: transaction.id,
    created: now,
    currency,
    description,
    destination: destination?.id ?? null,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata,
    method,
    original_payout: null,
    payout_method: null,
    reconciliation_status: 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: descriptor ?? null,
    status: 'pending',
    trace_id: null,
    type: 'bank_account',
  };
  state.insert(payout, ctx.account);
  const failureCode = state.controls.failNextPayout ?? (destination ? state.hidden<BankSecrets>(destination.id).payoutFailure : undefined);
  state.controls.failNextPayout = null;
  if (failureCode) Object.assign(state.hidden<PayoutSecrets>(payout.id), { failureCode });
  ctx.emit('payout.created', payout);
  return payout;
}

/** The bank account to pay out to: the one named, or the account's default. */
function bankAccount(ctx: RequestContext, account: Stripe.Account | undefined): Stripe.BankAccount | undefined {
  const named = ctx.params.string('destination');
  if (named) return ctx.state.get<Stripe.BankAccount>('bank_account', named, ctx.account, 'destination');
  const external = account?.external_accounts?.data.find((item) => item.object === 'bank_account');
  if (account && !external) throw invalid('This account has no bank account to pay out to. Add one before creating a payout.', 'destination');
  return external;
}

function cancel(ctx: RequestContext): Stripe.Payout {
  const payout = ctx.state.get<Stripe.Payout>('payout', ctx.path.id, ctx.account);
  if (payout.status !== 'pending') throw invalid(`Payouts can only be canceled while they are pending; this one is ${payout.status}.`);
  if (payout.method === 'instant') throw invalid('Instant payouts cannot be canceled.');
  addBalanceTransaction(ctx.state, ctx.account, { amount: payout.amount, currency: payout.currency, type: 'payout_cancel', reportingCategory: 'payout_reversal', source: payout.id });
  payout.status = 'canceled';
  ctx.emit('payout.canceled', payout);
  return payout;
}

function list(ctx: RequestContext) {
  const status = ctx.params.string('status', { oneOf: ['pending', 'paid', 'failed', 'canceled', 'in_transit'] });
  const destination = ctx.params.string('destination');
  const arrival = dateFilter(ctx.params, 'arrival_date');
  return paginate(
    ctx.state.all<Stripe.Payout>('payout', ctx.account, (payout) => (!status || payout.status === status) && (!destination || payout.destination === destination) && arrival(payout.arrival_date)),
    ctx.params,
    ctx.url,
  );
}

/** A timestamp filter given as one value or a range (`arrival_date[gte]=...`). */
function dateFilter(params: Params, key: string): (value: number) => boolean {
  if (!params.has(key)) return () => true;
  if (typeof params.raw[key] === 'string') {
    const exact = params.integer(key);
    return (value) => value === exact;
  }
  const range = params.object(key)!;
  const [gt, gte, lt, lte] = (['gt', 'gte', 'lt', 'lte'] as const).map((bound) => range.integer(bound));
  return (value) => (gt === undefined || value > gt) && (gte === undefined || value >= gte) && (lt === undefined || value < lt) && (lte === undefined || value <= lte);
}
