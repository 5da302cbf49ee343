import type Stripe from 'stripe';
import { paginate } from '../core/list.js';
import { LIST_PARAMS, type ApiRouter } from '../core/router.js';

/** Events of the caller's scope (the platform, or the account in `Stripe-Account`), newest first. */
export function registerEvents(api: ApiRouter): void {
  api.get(
    '/v1/events',
    (ctx) => {
      const type = ctx.params.string('type');
      const types = ctx.params.strings('types');
      const matches = (eventType: string) =>
        (!type || (type.endsWith('*') ? eventType.startsWith(type.slice(0, -1)) : eventType === type)) && (types.length === 0 || types.includes(eventType));
      return paginate(
        ctx.state.all<Stripe.Event>('event', ctx.account, (event) => matches(event.type)),
        ctx.params,
        ctx.url,
      );
    },
    [...LIST_PARAMS, 'type', 'types', 'delivery_success'],
  );
  api.get('/v1/events/:id', (ctx) => ctx.state.get('event', ctx.path.id, ctx.account));
}
