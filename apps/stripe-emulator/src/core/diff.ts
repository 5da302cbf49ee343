import type { Emit } from './router.js';
import type { StripeObject } from './state.js';

/** The top-level fields that differ, with their old values: an event's `previous_attributes`. */
export function changed<T extends object>(before: T, after: T): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key as string] = before[key];
  }
  return previous;
}

/** Emits `type` about `after` with what changed since `before`; like Stripe, nothing when nothing changed. */
export function emitChanges<T extends StripeObject>(emit: Emit, type: string, before: T, after: T): void {
  const previous = changed(before, after);
  if (Object.keys(previous).length > 0) emit(type, after, { previousAttributes: previous });
}
