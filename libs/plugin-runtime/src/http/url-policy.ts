import { isHttpHost } from '@guild/extension-points';
import { HttpPermissionError } from './errors.js';

/** A URL that passed the scheme, credentials, port and allow-list checks (addresses are checked after DNS). */
export interface AllowedTarget {
  url: URL;
  /** Lower-case DNS name without a trailing dot: what is resolved, sent as Host and used for TLS. */
  hostname: string;
  port: number;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };
// Below 1024 sit SSH, SMTP, DNS and friends; nothing a webhook needs besides 80 and 443.
const FIRST_UNPRIVILEGED_PORT = 1024;

export function checkUrl(url: URL, allowedHosts: readonly string[]): AllowedTarget {
  const shown = withoutCredentials(url);
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) {
    throw new HttpPermissionError('SCHEME_NOT_ALLOWED', shown, `only http: and https: URLs are allowed, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new HttpPermissionError('CREDENTIALS_IN_URL', shown, 'URLs may not carry a user name or password; send an Authorization header');
  }
  const port = url.port === '' ? defaultPort : Number(url.port);
  if (port !== 80 && port !== 443 && port < FIRST_UNPRIVILEGED_PORT) {
    throw new HttpPermissionError('PORT_NOT_ALLOWED', shown, `port ${port} is not allowed (only 80, 443 and 1024-65535)`);
  }
  const hostname = normalizeHost(url.hostname);
  if (!hostAllowed(hostname, allowedHosts)) {
    const fix = isReachableHost(hostname)
      ? `the manifest must ask for "http:${hostname}" and the install must grant it`
      : 'only public DNS names can be allowed, not IP addresses or local names';
    throw new HttpPermissionError('HOST_NOT_ALLOWED', shown, `${url.hostname} is not an allowed host for this plugin; ${fix}`);
  }
  return { url, hostname, port };
}

/**
 * Whether `hostname` is granted by `allowedHosts`: exact names, or `*.example.com` for any
 * subdomain at any depth (not `example.com` itself). Both sides must be hosts a manifest may ask
 * for (`isHttpHost`), so IP literals, single labels and local TLDs never match.
 */
export function hostAllowed(hostname: string, allowedHosts: readonly string[]): boolean {
  const host = normalizeHost(hostname);
  if (!isReachableHost(host)) return false;
  return allowedHosts.some((entry) => {
    const allowed = normalizeHost(entry);
    if (!isHttpHost(allowed)) return false;
    return allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed;
  });
}

/** The URL as it may be shown to the plugin and in logs. */
export function withoutCredentials(url: URL): string {
  if (url.username === '' && url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** A host a manifest may ask for (`isHttpHost`), but not a wildcard: WHATWG URLs let `*` through in a hostname. */
function isReachableHost(host: string): boolean {
  return !host.startsWith('*.') && isHttpHost(host);
}

function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
