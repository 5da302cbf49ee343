import type { FastifyReply, FastifyRequest } from 'fastify';
import { StripeApiError } from './errors.js';
import { expand } from './expand.js';
import { newId } from './ids.js';
import type { IdempotencyKeys } from './idempotency.js';
import { Params } from './params.js';
import type { RequestContext, Route } from './router.js';
import type { EmulatorState } from './state.js';
import { EMULATOR_API_VERSION } from './version.js';

export interface ApiEnvironment {
  state: EmulatorState;
  idempotency: IdempotencyKeys;
  /** When set, the only secret key accepted; otherwise any `sk_test_`/`rk_test_` key is. */
  apiKey?: string;
  publicUrl(): string;
  /** Called after every request that may have changed state. */
  onWrite(): void;
}

/**
 * Wraps a route with what every Stripe API request goes through: the API key, `Stripe-Account`,
 * unknown-parameter checks, `Idempotency-Key` replay, `expand[]`, and Stripe's error body.
 */
export function apiHandler(route: Route, env: ApiEnvironment) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const requestId = newId('req', 14);
    void reply.header('request-id', requestId).header('stripe-version', String(request.headers['stripe-version'] ?? EMULATOR_API_VERSION));
    const idempotencyKey = route.method === 'POST' ? header(request, 'idempotency-key') : undefined;
    let scope = '';
    let started = false;
    try {
      authenticate(request, env.apiKey);
      const account = header(request, 'stripe-account') ?? null;
      if (account && !env.state.find(account)) {
        throw new StripeApiError(403, 'invalid_request_error', `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`, {
          code: 'account_invalid',
        });
      }
      scope = account ?? '';
      const raw = (route.method === 'POST' ? request.body : request.query) ?? {};
      if (typeof raw !== 'object') throw new StripeApiError(400, 'invalid_request_error', 'Request bodies must be form-encoded (application/x-www-form-urlencoded).');
      const params = new Params(raw as Record<string, unknown>);
      if (route.params) params.allowOnly([...route.params, 'expand']);
      const expansions = params.strings('expand');
      if (idempotencyKey) {
        if (idempotencyKey.length > 255) throw new StripeApiError(400, 'invalid_request_error', 'Idempotency keys can be at most 255 characters long.', { param: 'Idempotency-Key' });
        const replay = env.idempotency.begin(scope, idempotencyKey, `${route.method} ${request.url.split('?')[0]} ${JSON.stringify(raw)}`);
        if (replay) {
          void reply.header('idempotent-replayed', 'true').header('idempotency-key', idempotencyKey);
          await reply.code(replay.status).send(replay.body);
          return;
        }
        started = true;
        void reply.header('idempotency-key', idempotencyKey);
      }
      const ctx: RequestContext = {
        params,
        path: request.params as Record<string, string>,
        account,
        state: env.state,
        url: request.url.split('?')[0],
        publicUrl: env.publicUrl(),
        emit: (type, object, options = {}) =>
          env.state.emit(type, object, { account: options.account === undefined ? account : options.account, previousAttributes: options.previousAttributes, requestId, idempotencyKey }),
      };
      const result = await route.handler(ctx);
      const body = expand(structuredClone(result), expansions, env.state);
      if (started && idempotencyKey) env.idempotency.finish(scope, idempotencyKey, { status: 200, body });
      await reply.code(200).send(body);
    } catch (error) {
      const failure = error instanceof StripeApiError ? error : new StripeApiError(500, 'api_error', `An unexpected error occurred in the emulator: ${(error as Error).message}`);
      const body = failure.toJSON(`https://dashboard.stripe.com/test/logs/${requestId}`);
      // Stripe saves the result of a request that ran, errors included, but not of one refused
      // before running (invalid parameters), so the caller can correct and retry with the same key.
      if (started && idempotencyKey) env.idempotency.finish(scope, idempotencyKey, failure.status === 400 && failure.type === 'invalid_request_error' ? undefined : { status: failure.status, body });
      await reply.code(failure.status).send(body);
    } finally {
      if (route.method !== 'GET') env.onWrite();
    }
  };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function authenticate(request: FastifyRequest, apiKey: string | undefined): void {
  const key = apiKeyOf(header(request, 'authorization'));
  if (!key) {
    throw new StripeApiError(401, 'invalid_request_error', 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').');
  }
  const masked = `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
  if (apiKey ? key !== apiKey : !/^(sk|rk)_test_/.test(key)) {
    throw new StripeApiError(401, 'invalid_request_error', `Invalid API Key provided: ${masked}`, { code: 'api_key_invalid' });
  }
}

/** Bearer auth as the SDKs send it, or Basic auth with the key as user name (`curl -u sk_test_...:`), as Stripe accepts both. */
function apiKeyOf(authorization: string | undefined): string | undefined {
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || undefined;
  if (authorization?.startsWith('Basic ')) return Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':')[0] || undefined;
  return undefined;
}
