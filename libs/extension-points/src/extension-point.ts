import type { Static, TObject } from '@sinclair/typebox';

export type PointKind = 'event' | 'function';

/** Asynchronous: fanned out to every installed plugin that subscribed and holds the permission. */
export interface EventPoint<N extends string = string, I extends TObject = TObject> {
  readonly name: N;
  readonly kind: 'event';
  readonly description: string;
  readonly permission: `events:${N}`;
  readonly since: string;
  readonly input: I;
}

/**
 * Synchronous: the offering asks, plugins answer within `timeBudgetMs`, and `combine` (pure)
 * turns the answers, in install order, into one result. Failed or late answers are left out.
 */
export interface FunctionPoint<
  N extends string = string,
  I extends TObject = TObject,
  O extends TObject = TObject,
  R = unknown,
> {
  readonly name: N;
  readonly kind: 'function';
  readonly description: string;
  readonly permission: `functions:${N}`;
  readonly since: string;
  readonly input: I;
  readonly output: O;
  readonly timeBudgetMs: number;
  /** The combine rule in one sentence, for docs and reviewers. */
  readonly rule: string;
  // Method syntax keeps every point assignable to ExtensionPoint (parameters are bivariant).
  combine(answers: readonly Static<O>[], input: Static<I>): R;
}

export type ExtensionPoint = EventPoint | FunctionPoint<string, TObject, TObject, unknown>;

export function eventPoint<N extends string, I extends TObject>(
  name: N,
  spec: Omit<EventPoint<N, I>, 'name' | 'kind' | 'permission'>,
): EventPoint<N, I> {
  return Object.freeze({ name, kind: 'event', permission: `events:${name}`, ...spec });
}

export function functionPoint<N extends string, I extends TObject, O extends TObject, R>(
  name: N,
  spec: Omit<FunctionPoint<N, I, O, R>, 'name' | 'kind' | 'permission'>,
): FunctionPoint<N, I, O, R> {
  return Object.freeze({ name, kind: 'function', permission: `functions:${name}`, ...spec });
}
