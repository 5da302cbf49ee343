import type Stripe from 'stripe';
import { idOf } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';

const DAY = 24 * 60 * 60;

/**
 * The end of the `periods`-th billing period after `anchor`. Months and years keep the anchor's
 * day of month, clamped to short months (Jan 31 → Feb 28 → Mar 31), as Stripe bills.
 */
export function periodBoundary(anchor: number, recurring: Pick<Stripe.Price.Recurring, 'interval' | 'interval_count'>, periods: number): number {
  const steps = recurring.interval_count * periods;
  if (recurring.interval === 'day') return anchor + steps * DAY;
  if (recurring.interval === 'week') return anchor + steps * 7 * DAY;
  const start = new Date(anchor * 1000);
  const months = recurring.interval === 'year' ? steps * 12 : steps;
  const year = start.getUTCFullYear() + Math.floor((start.getUTCMonth() + months) / 12);
  const month = (start.getUTCMonth() + months) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds()) / 1000;
}

/** The first period boundary after `after`. */
export function nextBoundary(anchor: number, recurring: Pick<Stripe.Price.Recurring, 'interval' | 'interval_count'>, after: number): number {
  let periods = 1;
  while (periodBoundary(anchor, recurring, periods) <= after) periods++;
  return periodBoundary(anchor, recurring, periods);
}

/** "month", "3 months": how Stripe words an interval on pages and invoice lines. */
export function intervalText(recurring: Pick<Stripe.Price.Recurring, 'interval' | 'interval_count'>): string {
  return recurring.interval_count === 1 ? recurring.interval : `${recurring.interval_count} ${recurring.interval}s`;
}

/** Billing time for a customer: its test clock's frozen time when it has one, else the emulator clock. */
export function billingNow(scope: Scope, customer: Stripe.Customer): number {
  const clock = customer.test_clock ? scope.state.find<Stripe.TestHelpers.TestClock>(idOf(customer.test_clock), scope.account) : undefined;
  return clock ? clock.frozen_time : scope.state.now();
}
