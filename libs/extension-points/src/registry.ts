import type { Static } from '@sinclair/typebox';
import { invoiceCreated, orderPaid, ticketCreated, workspaceMemberAdded } from './event-points.js';
import { cartDiscounts, recordValidate, ticketClassify } from './function-points.js';

const POINTS = [orderPaid, workspaceMemberAdded, ticketCreated, invoiceCreated, cartDiscounts, ticketClassify, recordValidate] as const;

type Point = (typeof POINTS)[number];
type Registry = { readonly [P in Point as P['name']]: P };

/** Every extension point the offering exposes, by name. The single source for types, manifest enums and validation. */
export const EXTENSION_POINTS: Registry = Object.freeze(Object.fromEntries(POINTS.map((point) => [point.name, point])) as Registry);

export type ExtensionPointName = keyof Registry;
export type EventName = Extract<Point, { kind: 'event' }>['name'];
export type FunctionName = Extract<Point, { kind: 'function' }>['name'];

export type PointInput<N extends ExtensionPointName> = Static<Registry[N]['input']>;
export type EventInput<N extends EventName> = Static<Registry[N]['input']>;
export type FunctionInput<N extends FunctionName> = Static<Registry[N]['input']>;
export type FunctionOutput<N extends FunctionName> = Static<Registry[N]['output']>;
/** What `combine` makes of the answers: the value the offering acts on. */
export type FunctionResult<N extends FunctionName> = ReturnType<Registry[N]['combine']>;

export const EVENT_NAMES: readonly EventName[] = POINTS.flatMap((point) => (point.kind === 'event' ? [point.name] : []));
export const FUNCTION_NAMES: readonly FunctionName[] = POINTS.flatMap((point) => (point.kind === 'function' ? [point.name] : []));

export function isExtensionPointName(name: string): name is ExtensionPointName {
  return Object.hasOwn(EXTENSION_POINTS, name);
}

export function isEventName(name: string): name is EventName {
  return isExtensionPointName(name) && EXTENSION_POINTS[name].kind === 'event';
}

export function isFunctionName(name: string): name is FunctionName {
  return isExtensionPointName(name) && EXTENSION_POINTS[name].kind === 'function';
}

/** Combines the answers of the plugins (in install order) by the point's rule. */
export function combine<N extends FunctionName>(name: N, answers: readonly FunctionOutput<N>[], input: FunctionInput<N>): FunctionResult<N> {
  const point = EXTENSION_POINTS[name] as unknown as {
    combine: (answers: readonly FunctionOutput<N>[], input: FunctionInput<N>) => FunctionResult<N>;
  };
  return point.combine(answers, input);
}
