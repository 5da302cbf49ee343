import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GuildConfig } from '../platform/config/guild-config.js';

export const REFRESH_COOKIE = 'guild_refresh';
/** The cookie goes only to the auth routes, never to the rest of the API. */
const PATH = '/v1/auth';

export function setRefreshCookie(reply: FastifyReply, config: GuildConfig, token: string, expires: Date): void {
  void reply.setCookie(REFRESH_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, path: PATH, expires });
}

export function clearRefreshCookie(reply: FastifyReply, config: GuildConfig): void {
  void reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, path: PATH });
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  return request.cookies?.[REFRESH_COOKIE] || undefined;
}
