import createClient, { type Middleware } from 'openapi-fetch';
import { authStore } from '../auth/auth-store';
import { ApiError } from './errors';
import type { paths } from './schema';

/** The typed client for Guild's API, same origin (the API serves the portal; Vite proxies in dev). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });

/** Auth routes never get a bearer token nor a refresh-and-retry: the refresh cookie is what counts there. */
const isAuthRoute = (schemaPath: string) => schemaPath.startsWith('/v1/auth/') && schemaPath !== '/v1/auth/sign-out';

/** A copy of each outgoing request, taken before fetch consumes its body, so a 401 can be retried once. */
const retryCopies = new WeakMap<Request, Request>();

const bearerAuth: Middleware = {
  onRequest({ request, schemaPath }) {
    const token = authStore.getSnapshot().accessToken;
    if (token && !isAuthRoute(schemaPath)) request.headers.set('Authorization', `Bearer ${token}`);
    if (!schemaPath.startsWith('/v1/auth/')) retryCopies.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response, schemaPath }) {
    const copy = retryCopies.get(request);
    retryCopies.delete(request);
    if (response.status !== 401 || !copy || schemaPath.startsWith('/v1/auth/')) return response;
    // The access token expired (or the API restarted): refresh once from the cookie, then retry.
    const token = await refreshSession();
    if (!token) return response;
    copy.headers.set('Authorization', `Bearer ${token}`);
    return fetch(copy);
  },
};
api.use(bearerAuth);

let refreshing: Promise<string | undefined> | undefined;

/**
 * Trades the httpOnly refresh cookie for a new access token. Concurrent callers share one request:
 * the cookie rotates on every refresh, so two parallel refreshes would race each other.
 * Resolves to the new access token, or undefined when there is no valid session (signed out).
 */
export function refreshSession(): Promise<string | undefined> {
  refreshing ??= (async () => {
    try {
      const { data, response } = await api.POST('/v1/auth/refresh');
      if (data) {
        authStore.signedIn(data.user, data.accessToken);
        return data.accessToken;
      }
      if (response.status === 401) authStore.signedOut();
      else if (authStore.getSnapshot().status === 'restoring') authStore.signedOut();
      return undefined;
    } catch {
      // Network trouble: keep whatever state we had, but never stay stuck "restoring".
      if (authStore.getSnapshot().status === 'restoring') authStore.signedOut();
      return undefined;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** The JSON body of a request or response in the schema: `Json<paths['/v1/me/tokens']['get']['responses'][200]>`. */
export type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** Paging for useInfiniteQuery over Guild's cursor lists (`{items, nextCursor}`): spread it into the options. */
export const cursorPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
};

/** Returns `data` of an openapi-fetch result, or throws an ApiError built from its error body. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw ApiError.from(result.response.status, result.error);
}
