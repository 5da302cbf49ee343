import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface CallOptions {
  body?: unknown;
  token?: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  ip?: string;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: Array<{ name: string; value: string; path?: string; httpOnly?: boolean; sameSite?: string; expires?: Date; maxAge?: number }>;
}

/** Calls the booted app in-process (Fastify inject): the full HTTP pipeline without a socket. */
export async function call<T = any>(app: NestFastifyApplication, method: string, url: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers,
    cookies: options.cookies,
    remoteAddress: options.ip,
    ...(options.body !== undefined ? { payload: options.body as object } : {}),
  });
  const text = response.body;
  let body: unknown = text;
  if (String(response.headers['content-type'] ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: response.statusCode, body: body as T, headers: response.headers, cookies: response.cookies };
}
