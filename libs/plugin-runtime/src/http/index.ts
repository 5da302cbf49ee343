export { isPublicAddress } from './address-policy.js';
export { HttpFetchError, HttpPermissionError } from './errors.js';
export type { HttpDenialReason, HttpFetchErrorCode } from './errors.js';
export type { HostLookup, ResolvedAddress } from './pinned-dns.js';
export type { PluginHttpRequest } from './request-policy.js';
export { createSafeFetch } from './safe-fetch.js';
export type { PluginHttpResponse, SafeFetch, SafeFetchPolicy } from './safe-fetch.js';
export { hostAllowed } from './url-policy.js';
