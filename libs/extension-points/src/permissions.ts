import { EXTENSION_POINTS, isEventName, isFunctionName, type EventName, type ExtensionPointName, type FunctionName } from './registry.js';

export type PointPermission = `events:${EventName}` | `functions:${FunctionName}`;
export type Permission = 'storage' | `http:${string}` | PointPermission;

/**
 * Hosts a plugin may reach: lower-case DNS names of two or more labels whose last label starts
 * with a letter (so IPv4 literals never match; IPv6 has colons), optionally `*.` for any subdomain
 * (not the apex). Ports, paths and other wildcards are not allowed.
 */
export const HTTP_HOST_PATTERN = '^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$';
const httpHost = new RegExp(HTTP_HOST_PATTERN);

/** Top-level domains that only ever name local or private networks. */
export const RESERVED_TLDS: readonly string[] = ['localhost', 'local', 'internal', 'intranet', 'lan', 'home', 'corp', 'arpa', 'test', 'invalid'];

export function isHttpHost(host: string): boolean {
  return host.length <= 253 && httpHost.test(host) && !RESERVED_TLDS.includes(host.slice(host.lastIndexOf('.') + 1));
}

export const POINT_PERMISSIONS: readonly PointPermission[] = Object.values(EXTENSION_POINTS).map((point) => point.permission);

export const PERMISSIONS = {
  storage: 'storage',
  http: (host: string): `http:${string}` => `http:${host}`,
  event: <N extends EventName>(name: N): `events:${N}` => `events:${name}`,
  function: <N extends FunctionName>(name: N): `functions:${N}` => `functions:${name}`,
} as const;

/** The permission a plugin must ask for to implement a point (by name or the point itself). */
export function permissionFor<N extends ExtensionPointName>(point: N | (typeof EXTENSION_POINTS)[N]): (typeof EXTENSION_POINTS)[N]['permission'] {
  return (typeof point === 'string' ? EXTENSION_POINTS[point] : point).permission;
}

/** `storage`, `http:<host>` (see HTTP_HOST_PATTERN), `events:<known event>`, `functions:<known function>`. */
export function isPermission(value: string): value is Permission {
  if (value === 'storage') return true;
  const colon = value.indexOf(':');
  if (colon < 0) return false;
  const [kind, rest] = [value.slice(0, colon), value.slice(colon + 1)];
  if (kind === 'http') return isHttpHost(rest);
  if (kind === 'events') return isEventName(rest);
  if (kind === 'functions') return isFunctionName(rest);
  return false;
}
