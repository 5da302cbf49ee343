import type Stripe from 'stripe';
import { stateScope } from '../../core/scope.js';
import type { EmulatorState } from '../../core/state.js';
import { runBilling } from './renewals.js';
import { finishAdvance } from './test-clocks.js';

/**
 * Billing's time-driven work: subscriptions without a test clock renew as the emulator clock passes
 * their period ends (so `POST /_emulator/clock/advance` renews them), and a test clock left
 * advancing (the process stopped mid-advance) is finished.
 */
export function billingTick(state: EmulatorState, now: number): void {
  const byAccount = new Map<string | null, Stripe.Subscription[]>();
  for (const { account, data } of state.everywhere<Stripe.Subscription>('subscription')) {
    if (data.test_clock || data.status === 'canceled' || data.status === 'incomplete_expired') continue;
    byAccount.set(account, [...(byAccount.get(account) ?? []), data]);
  }
  for (const [account, subscriptions] of byAccount) runBilling(stateScope(state, account), subscriptions, now);
  for (const { account, data } of state.everywhere<Stripe.TestHelpers.TestClock>('test_helpers.test_clock')) {
    if (data.status === 'advancing') finishAdvance(state, account, data.id);
  }
}
