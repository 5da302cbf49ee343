/**
 * Scopes an API token may carry. A token authenticates like its owner's session, but only on
 * routes that declare one of the token's scopes; everything else answers 403 TOKEN_SCOPE_MISSING.
 */
export const API_SCOPES = {
  'profile:read': 'Read your own profile (GET /v1/me).',
  'plugins:publish': "Upload plugin versions to your partners' namespaces (partners' CI).",
} as const;

export type ApiScope = keyof typeof API_SCOPES;

export function isApiScope(value: string): value is ApiScope {
  return Object.hasOwn(API_SCOPES, value);
}
