import type Stripe from 'stripe';
import { changed } from '../../core/diff.js';
import type { Emit } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';
import { accountSecrets, capabilityMap } from './account-state.js';

/** One capability of an account as `/v1/accounts/:id/capabilities/:name` shows it. */
export function capabilityObject(state: EmulatorState, account: Stripe.Account, name: string): Stripe.Capability {
  const status = capabilityMap(account)[name] ?? 'unrequested';
  const requested = status !== 'unrequested';
  const due = status === 'active' || !requested ? [] : (account.requirements?.currently_due ?? []);
  const pastDue = status === 'active' || !requested ? [] : (account.requirements?.past_due ?? []);
  return {
    id: name,
    object: 'capability',
    account: account.id,
    future_requirements: { alternatives: [], current_deadline: null, currently_due: [], disabled_reason: null, errors: [], eventually_due: [], past_due: [], pending_verification: [] },
    requested,
    requested_at: requested ? (accountSecrets(state, account.id).requestedAt?.[name] ?? account.created ?? null) : null,
    requirements: {
      alternatives: [],
      current_deadline: null,
      currently_due: due,
      disabled_reason: status === 'inactive' ? 'requirements.fields_needed' : null,
      errors: [],
      eventually_due: due,
      past_due: pastDue,
      pending_verification: [],
    },
    status,
  };
}

/**
 * The Connect events for a change to an account: `account.updated` with what changed and one
 * `capability.updated` per capability whose status moved. They belong to the connected account
 * (so Connect webhook endpoints get them), whoever made the change.
 */
export function emitAccountChanges(state: EmulatorState, emit: Emit, before: Stripe.Account, account: Stripe.Account): void {
  const previous = changed(before, account);
  if (Object.keys(previous).length === 0) return;
  emit('account.updated', account, { account: account.id, previousAttributes: previous });
  const old = (before.capabilities ?? {}) as Record<string, string>;
  const now = capabilityMap(account);
  for (const name of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (old[name] === now[name]) continue;
    emit('capability.updated', capabilityObject(state, account, name), {
      account: account.id,
      previousAttributes: { status: old[name] ?? 'unrequested', ...(old[name] === undefined || now[name] === undefined ? { requested: old[name] !== undefined } : {}) },
    });
  }
}
