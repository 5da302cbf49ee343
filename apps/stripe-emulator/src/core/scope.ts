import { stateEmit, type Emit } from './router.js';
import type { EmulatorState } from './state.js';

/**
 * Where code acts, wherever it runs (a request, a clock tick, a hosted page): the state, the scope
 * (the platform, or one connected account) and an Emit that files events there. A request's
 * `RequestContext` is one.
 */
export interface Scope {
  state: EmulatorState;
  account: string | null;
  emit: Emit;
}

/** A scope outside any request (clock ticks, hosted pages): its events carry no request id. */
export function stateScope(state: EmulatorState, account: string | null): Scope {
  return { state, account, emit: stateEmit(state, account) };
}

/** The same scope acting on another account (control routes reaching an object wherever it lives): events default to that account. */
export function inAccount(scope: Scope, account: string | null): Scope {
  return { state: scope.state, account, emit: (type, object, options = {}) => scope.emit(type, object, { ...options, account: options.account === undefined ? account : options.account }) };
}
