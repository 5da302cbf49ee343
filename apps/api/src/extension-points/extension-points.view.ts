import { EXTENSION_POINTS, HOST_API_VERSION, isExtensionPointName, type ExtensionPoint } from '@guild/extension-points';
import { ExtensionPointError } from './extension-points.errors.js';

/** One point as partners read it: what it is, the permission it needs, and its schemas. */
export interface ExtensionPointView {
  name: string;
  kind: 'event' | 'function';
  description: string;
  permission: string;
  since: string;
  input: unknown;
  output?: unknown;
  timeBudgetMs?: number;
  rule?: string;
}

export function toView(point: ExtensionPoint): ExtensionPointView {
  const { name, kind, description, permission, since, input } = point;
  const base = { name, kind, description, permission, since, input: plainSchema(input) };
  if (point.kind === 'event') return base;
  return { ...base, output: plainSchema(point.output), timeBudgetMs: point.timeBudgetMs, rule: point.rule };
}

export function listPoints(): { hostApiVersion: string; points: ExtensionPointView[] } {
  return { hostApiVersion: HOST_API_VERSION, points: Object.values(EXTENSION_POINTS).map(toView) };
}

export function getPoint(name: string): ExtensionPointView {
  if (!isExtensionPointName(name)) throw new ExtensionPointError('EXTENSION_POINT_NOT_FOUND', `there is no extension point ${JSON.stringify(name)}`);
  return toView(EXTENSION_POINTS[name]);
}

/** TypeBox schemas carry symbol-keyed metadata; JSON keeps exactly the JSON Schema. */
export function plainSchema(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema)) as unknown;
}
