import type Stripe from 'stripe';
import { invalid } from '../../core/errors.js';
import { paginate } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { emitAccountChanges } from './account-events.js';
import { blankAccount, platformAccount } from './account-object.js';
import { accountKind, businessProfile, businessType, capabilityRequests, country, currencyOf, email } from './account-params.js';
import { connectedAccount, markIncomplete, requestCapabilities } from './account-state.js';

const UPDATABLE = ['email', 'business_profile', 'business_type', 'capabilities', 'metadata', 'default_currency'] as const;

/** Connected accounts (Express first; Custom and Standard shapes too) and the platform's own account. */
export function registerAccounts(api: ApiRouter): void {
  api.post('/v1/accounts', create, [...UPDATABLE, 'type', 'controller', 'country', 'tos_acceptance']);
  api.get('/v1/accounts', (ctx) => paginate(ctx.account ? [] : ctx.state.all<Stripe.Account>('account'), ctx.params, ctx.url), LIST_PARAMS);
  api.get('/v1/account', (ctx) => (ctx.account ? connectedAccount(ctx.state, ctx.account) : platformAccount(ctx.state)), []);
  api.get('/v1/accounts/:id', (ctx) => (!ctx.account && ctx.path.id === platformAccount(ctx.state).id ? platformAccount(ctx.state) : reachable(ctx)), []);
  api.post('/v1/accounts/:id', update, UPDATABLE);
  api.delete(
    '/v1/accounts/:id',
    (ctx) => {
      const account = reachable(ctx);
      ctx.state.remove(account.id);
      const deleted: Stripe.DeletedAccount = { id: account.id, object: 'account', deleted: true };
      return deleted;
    },
    [],
  );
}

/** The account in the path, as the caller may see it: any of the platform's, or only itself with Stripe-Account. */
export function reachable(ctx: RequestContext): Stripe.Account {
  if (ctx.account && ctx.account !== ctx.path.id) throw invalid(`The account ${ctx.account} does not have access to account ${ctx.path.id}.`, undefined, 'account_invalid');
  return connectedAccount(ctx.state, ctx.path.id);
}

function create(ctx: RequestContext): Stripe.Account {
  const { params, state } = ctx;
  if (ctx.account) throw invalid('Connected accounts cannot create accounts of their own: leave out the Stripe-Account header.');
  const { type, controller } = accountKind(params);
  const code = country(params);
  const account = blankAccount({ type, controller, country: code, currency: params.has('default_currency') ? params.currency('default_currency') : currencyOf(code), email: email(params) ?? null, created: state.now() });
  account.business_type = businessType(params) ?? null;
  account.business_profile = businessProfile(params, account.business_profile);
  account.metadata = params.metadata();
  acceptTerms(ctx, account);
  const requested = capabilityRequests(params);
  state.insert(account);
  // Without capabilities, Stripe requests the platform's defaults for Express accounts (card payments and transfers).
  const defaults: Record<string, boolean> = !params.has('capabilities') && account.controller?.stripe_dashboard?.type === 'express' ? { card_payments: true, transfers: true } : {};
  requestCapabilities(state, account, { ...defaults, ...requested });
  markIncomplete(state, account);
  return account;
}

function update(ctx: RequestContext): Stripe.Account {
  const { params, state } = ctx;
  const account = reachable(ctx);
  // Every param is checked before anything changes, so a refused update leaves the account as it was.
  const changes: Partial<Stripe.Account> = {
    email: params.has('email') ? (email(params) ?? null) : account.email,
    business_type: params.has('business_type') ? (businessType(params) ?? null) : account.business_type,
    default_currency: params.has('default_currency') ? params.currency('default_currency') : account.default_currency,
    business_profile: businessProfile(params, account.business_profile),
    metadata: params.metadata(account.metadata),
  };
  const requested = capabilityRequests(params);
  const before = structuredClone(account);
  Object.assign(account, changes);
  requestCapabilities(state, account, requested);
  if (!account.details_submitted) markIncomplete(state, account);
  emitAccountChanges(state, ctx.emit, before, account);
  return account;
}

/** Terms of service: the platform may accept them only for accounts whose requirements it collects itself (Custom). */
function acceptTerms(ctx: RequestContext, account: Stripe.Account): void {
  const given = ctx.params.object('tos_acceptance');
  if (!given) return;
  given.allowOnly(['date', 'ip', 'user_agent', 'service_agreement']);
  const service = given.string('service_agreement', { oneOf: ['full', 'recipient'] });
  if (service) account.tos_acceptance = { ...account.tos_acceptance, service_agreement: service };
  if (!given.has('date') && !given.has('ip')) return;
  if (account.controller?.requirement_collection !== 'application') {
    throw invalid('You cannot accept the Terms of Service on behalf of Standard and Express connected accounts.', 'tos_acceptance');
  }
  account.tos_acceptance = { ...account.tos_acceptance, date: given.integer('date') ?? ctx.state.now(), ip: given.string('ip') ?? null, user_agent: given.string('user_agent') ?? null };
}
