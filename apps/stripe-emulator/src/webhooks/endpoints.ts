import { invalid, missingParam } from '../core/errors.js';
import { newId, secretToken } from '../core/ids.js';
import { paginate } from '../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../core/router.js';
import type Stripe from 'stripe';
import { EMULATOR_API_VERSION } from '../core/version.js';
import type { EndpointSecrets } from './delivery.js';

const FIELDS = ['url', 'enabled_events', 'description', 'metadata', 'disabled', 'api_version', 'connect'] as const;

/**
 * Webhook endpoints (the platform's, whatever `Stripe-Account` says): `connect: true` endpoints
 * receive connected accounts' events, the others the platform's; `secret` is shown on create only.
 */
export function registerWebhookEndpoints(api: ApiRouter): void {
  api.post('/v1/webhook_endpoints', create, FIELDS.filter((field) => field !== 'disabled'));
  api.get('/v1/webhook_endpoints', (ctx) => paginate(ctx.state.all('webhook_endpoint'), ctx.params, ctx.url), LIST_PARAMS);
  api.get('/v1/webhook_endpoints/:id', (ctx) => ctx.state.get('webhook_endpoint', ctx.path.id));
  api.post('/v1/webhook_endpoints/:id', update, FIELDS.filter((field) => field !== 'connect' && field !== 'api_version'));
  api.delete('/v1/webhook_endpoints/:id', (ctx) => {
    ctx.state.get('webhook_endpoint', ctx.path.id);
    ctx.state.remove(ctx.path.id);
    const deleted: Stripe.DeletedWebhookEndpoint = { id: ctx.path.id, object: 'webhook_endpoint', deleted: true };
    return deleted;
  });
}

function create(ctx: RequestContext): Stripe.WebhookEndpoint {
  const { params, state } = ctx;
  const url = checkUrl(params.string('url', { required: true }));
  const events = enabledEvents(params.strings('enabled_events'));
  const secret = `whsec_${secretToken(32)}`;
  const endpoint: Stripe.WebhookEndpoint = {
    id: newId('we'),
    object: 'webhook_endpoint',
    api_version: params.string('api_version') ?? EMULATOR_API_VERSION,
    application: null,
    created: state.now(),
    description: params.string('description') ?? null,
    enabled_events: events,
    livemode: false,
    metadata: params.metadata(),
    status: 'enabled',
    url,
  };
  state.insert(endpoint);
  Object.assign(state.hidden<EndpointSecrets>(endpoint.id), { secret, connect: params.boolean('connect') ?? false });
  return { ...endpoint, secret };
}

function update(ctx: RequestContext): Stripe.WebhookEndpoint {
  const { params, state } = ctx;
  const endpoint = state.get<Stripe.WebhookEndpoint>('webhook_endpoint', ctx.path.id);
  if (params.has('url')) endpoint.url = checkUrl(params.string('url', { required: true }));
  if (params.has('enabled_events')) endpoint.enabled_events = enabledEvents(params.strings('enabled_events'));
  if (params.has('description')) endpoint.description = params.string('description') ?? null;
  const disabled = params.boolean('disabled');
  if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
  endpoint.metadata = params.metadata(endpoint.metadata);
  return endpoint;
}

function checkUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw invalid(`Invalid URL: ${url}. URLs must begin with http:// or https://`, 'url', 'url_invalid');
}

function enabledEvents(events: string[]): string[] {
  if (events.length === 0) throw missingParam('enabled_events');
  events.forEach((event, index) => {
    if (event !== '*' && !/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(event)) throw invalid(`Invalid enabled_events[${index}]: ${event} is not a valid event type`, `enabled_events[${index}]`);
  });
  return [...new Set(events)];
}
