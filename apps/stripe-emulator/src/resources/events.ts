import type Stripe from 'stripe';
import { invalid } from '../core/errors.js';
import { paginate } from '../core/list.js';
import type { Params } from '../core/params.js';
import { LIST_PARAMS, type ApiRouter } from '../core/router.js';

const MAX_TYPES = 20;

/** Events of the caller's scope (the platform, or the account in `Stripe-Account`), newest first. */
export function registerEvents(api: ApiRouter): void {
  api.get(
    '/v1/events',
    (ctx) => {
      const matchesType = typeFilter(ctx.params);
      const deliverySuccess = ctx.params.boolean('delivery_success');
      // Delivered means every endpoint that wanted the event answered 2xx; failed or still retrying counts as not.
      const matchesDelivery = (event: Stripe.Event) => deliverySuccess === undefined || (event.pending_webhooks === 0) === deliverySuccess;
      return paginate(
        ctx.state.all<Stripe.Event>('event', ctx.account, (event) => matchesType(event.type) && matchesDelivery(event)),
        ctx.params,
        ctx.url,
      );
    },
    [...LIST_PARAMS, 'type', 'types', 'delivery_success'],
  );
  api.get('/v1/events/:id', (ctx) => ctx.state.get('event', ctx.path.id, ctx.account), []);
}

/** `type` (one name, `*` a wildcard: `customer.*`) or `types[]` (up to 20 exact names), not both. */
function typeFilter(params: Params): (type: string) => boolean {
  const type = params.string('type');
  const types = params.strings('types');
  if (type !== undefined && types.length > 0) throw invalid('You may only specify one of these parameters: type, types.', 'types');
  if (types.length > MAX_TYPES) throw invalid(`Invalid types: must contain at most ${MAX_TYPES} elements`, 'types');
  if (types.length > 0) return (eventType) => types.includes(eventType);
  if (type === undefined) return () => true;
  const pattern = new RegExp(`^${type.split('*').map(escapeRegExp).join('.*')}$`);
  return (eventType) => pattern.test(eventType);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
