import type Stripe from 'stripe';
import type { Emit, RequestContext } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';

/**
 * What billing code needs wherever it runs (a request, a clock tick, a hosted page): the state,
 * the scope (platform or one connected account), and an Emit that files events in that scope.
 */
export interface BillingScope {
  state: EmulatorState;
  account: string | null;
  emit: Emit;
}

export function requestScope(ctx: RequestContext): BillingScope {
  return { state: ctx.state, account: ctx.account, emit: (type, object, options) => ctx.emit(type, object, options) };
}

/** An Emit whose events default to `account` (stateEmit's default is the platform). */
export function scopeOf(state: EmulatorState, emit: Emit, account: string | null): BillingScope {
  return { state, account, emit: (type, object, options = {}) => emit(type, object, { ...options, account: options.account === undefined ? account : options.account }) };
}

/** The id in an expandable field (an id, or the object once expanded). */
export function idOf(value: string | { id: string }): string;
export function idOf(value: string | { id: string } | null | undefined): string | null;
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

/** Billing time for a customer: its test clock's frozen time when it has one, else the emulator clock. */
export function billingNow(scope: BillingScope, customer: Stripe.Customer): number {
  const clock = customer.test_clock ? scope.state.find<Stripe.TestHelpers.TestClock>(idOf(customer.test_clock), scope.account) : undefined;
  return clock ? clock.frozen_time : scope.state.now();
}
