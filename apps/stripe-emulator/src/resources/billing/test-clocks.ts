import type Stripe from 'stripe';
import { invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { listOf } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { stateScope } from '../../core/scope.js';
import type { EmulatorState } from '../../core/state.js';
import { runBilling } from './renewals.js';

const KEEP_SECONDS = 30 * 24 * 60 * 60;

/** Test clocks: frozen time for a set of customers, advanced on demand to run their billing. */
export function registerTestClocks(api: ApiRouter): void {
  api.post('/v1/test_helpers/test_clocks', create, ['frozen_time', 'name']);
  api.get('/v1/test_helpers/test_clocks', (ctx) => listOf(ctx, 'test_helpers.test_clock'), LIST_PARAMS);
  api.get('/v1/test_helpers/test_clocks/:id', (ctx) => ctx.state.get<Stripe.TestHelpers.TestClock>('test_helpers.test_clock', ctx.path.id, ctx.account));
  api.delete('/v1/test_helpers/test_clocks/:id', remove, []);
  api.post('/v1/test_helpers/test_clocks/:id/advance', advance, ['frozen_time']);
}

/** Finishes an advance: moves the frozen time, runs the clock's billing up to it, then `ready`. */
export function finishAdvance(state: EmulatorState, account: string | null, id: string): void {
  const clock = state.find<Stripe.TestHelpers.TestClock>(id, account);
  const target = clock?.status_details.advancing?.target_frozen_time;
  if (!clock || clock.status !== 'advancing' || target === undefined) return;
  const scope = stateScope(state, account);
  clock.frozen_time = target;
  try {
    runBilling(scope, state.all<Stripe.Subscription>('subscription', account, (subscription) => subscription.test_clock === id), target);
  } catch (error) {
    // Runs outside any request: report it on the clock, as Stripe does, instead of crashing the emulator.
    console.error(`Stripe emulator: advancing test clock ${id} failed`, error);
    clock.status = 'internal_failure';
    clock.status_details = {};
    scope.emit('test_helpers.test_clock.internal_failure', clock);
    return;
  }
  clock.status = 'ready';
  clock.status_details = {};
  scope.emit('test_helpers.test_clock.ready', clock);
}

function create(ctx: RequestContext): Stripe.TestHelpers.TestClock {
  const now = ctx.state.now();
  const clock: Stripe.TestHelpers.TestClock = {
    id: newId('clock'),
    object: 'test_helpers.test_clock',
    created: now,
    deletes_after: now + KEEP_SECONDS,
    frozen_time: ctx.params.integer('frozen_time', { required: true, min: 0 }),
    livemode: false,
    name: ctx.params.string('name', { max: 300 }) ?? null,
    status: 'ready',
    status_details: {},
  };
  ctx.state.insert(clock, ctx.account);
  ctx.emit('test_helpers.test_clock.created', clock);
  return clock;
}

/**
 * Answers at once with status `advancing`, like Stripe; the billing runs right after the response
 * (and, should the process stop first, on the next tick), then the clock is `ready`.
 */
function advance(ctx: RequestContext): Stripe.TestHelpers.TestClock {
  const { state, account } = ctx;
  const clock = state.get<Stripe.TestHelpers.TestClock>('test_helpers.test_clock', ctx.path.id, account);
  const target = ctx.params.integer('frozen_time', { required: true, min: 0 });
  if (clock.status === 'advancing') throw invalid('The test clock is already advancing. Wait for it to be ready before advancing it again.', undefined, 'test_clock_advancing');
  if (target <= clock.frozen_time) throw invalid(`The frozen_time must be after the current frozen_time of the test clock (${clock.frozen_time}).`, 'frozen_time');
  clock.status = 'advancing';
  clock.status_details = { advancing: { target_frozen_time: target } };
  ctx.emit('test_helpers.test_clock.advancing', clock);
  setImmediate(() => finishAdvance(state, account, clock.id));
  return clock;
}

/** Deleting a clock deletes what lives on it: its customers, their subscriptions and invoices. */
function remove(ctx: RequestContext): Stripe.TestHelpers.DeletedTestClock {
  const { state, account } = ctx;
  const clock = state.get<Stripe.TestHelpers.TestClock>('test_helpers.test_clock', ctx.path.id, account);
  for (const kind of ['invoice', 'subscription', 'customer']) {
    for (const object of state.all<{ id: string; object: string; test_clock?: unknown }>(kind, account, (item) => item.test_clock === clock.id)) state.remove(object.id);
  }
  state.remove(clock.id);
  ctx.emit('test_helpers.test_clock.deleted', clock);
  return { id: clock.id, object: 'test_helpers.test_clock', deleted: true };
}
