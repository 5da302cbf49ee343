import type Stripe from 'stripe';
import { noSuch } from '../../core/errors.js';
import type { ListObject } from '../../core/list.js';
import type { ApiRouter, RequestContext } from '../../core/router.js';
import { capabilityObject, emitAccountChanges } from './account-events.js';
import { CAPABILITY_NAMES, capabilityMap, requestCapabilities } from './account-state.js';
import { reachable } from './accounts.js';

/** An account's capabilities one by one: list, retrieve, request or un-request. */
export function registerCapabilities(api: ApiRouter): void {
  api.get(
    '/v1/accounts/:id/capabilities',
    (ctx): ListObject<Stripe.Capability> => {
      const account = reachable(ctx);
      const names = Object.keys(capabilityMap(account)).sort();
      return { object: 'list', data: names.map((name) => capabilityObject(ctx.state, account, name)), has_more: false, url: ctx.url };
    },
    [],
  );
  api.get('/v1/accounts/:id/capabilities/:capability', (ctx) => capabilityObject(ctx.state, reachable(ctx), known(ctx)), []);
  api.post(
    '/v1/accounts/:id/capabilities/:capability',
    (ctx) => {
      const account = reachable(ctx);
      const name = known(ctx);
      const requested = ctx.params.boolean('requested');
      if (requested !== undefined) {
        const before = structuredClone(account);
        requestCapabilities(ctx.state, account, { [name]: requested });
        emitAccountChanges(ctx.state, ctx.emit, before, account);
      }
      return capabilityObject(ctx.state, account, name);
    },
    ['requested'],
  );
}

function known(ctx: RequestContext): string {
  const name = ctx.path.capability;
  if (!(CAPABILITY_NAMES as readonly string[]).includes(name)) throw noSuch('capability', name);
  return name;
}
