export type HttpDenialReason = 'HOST_NOT_ALLOWED' | 'SCHEME_NOT_ALLOWED' | 'ADDRESS_NOT_ALLOWED' | 'PORT_NOT_ALLOWED' | 'CREDENTIALS_IN_URL';

export type HttpFetchErrorCode =
  | 'HTTP_TIMEOUT'
  | 'HTTP_RESPONSE_TOO_LARGE'
  | 'HTTP_REQUEST_TOO_LARGE'
  | 'HTTP_TOO_MANY_REDIRECTS'
  | 'HTTP_INVALID_REQUEST'
  | 'HTTP_NETWORK_ERROR';

/** `http.fetch` refused a URL by policy: the plugin asked for (or was redirected to) somewhere it may not go. */
export class HttpPermissionError extends Error {
  override readonly name = 'HttpPermissionError';

  constructor(
    readonly code: HttpDenialReason,
    /** The refused URL, without any userinfo. */
    readonly url: string,
    reason: string,
  ) {
    super(`http.fetch refused: ${reason}`);
  }
}

/** `http.fetch` was allowed but did not complete: bad request, limits, timeout or the network. */
export class HttpFetchError extends Error {
  override readonly name = 'HttpFetchError';

  constructor(
    readonly code: HttpFetchErrorCode,
    message: string,
  ) {
    super(`http.fetch failed: ${message}`);
  }
}
