import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiScope, Role } from '@guild/contracts';

/** Who is calling: a signed-in user, through a browser session (JWT) or an API token. */
export interface Caller {
  userId: string;
  roles: Role[];
  via: 'session' | 'token';
  /** Set when via === 'token'. */
  tokenId?: string;
  scopes?: ApiScope[];
  ip: string;
}

/** The authenticated caller; only on routes whose access rule is not public. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<{ user: Caller }>();
  return request.user;
});

/** The caller on a route declared `@Access.public({ identify: true })`: null when anonymous. */
export const OptionalCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller | null => {
  return context.switchToHttp().getRequest<{ user?: Caller }>().user ?? null;
});

/** The client's address (as Fastify sees it, honouring GUILD_TRUST_PROXY). */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<{ ip: string }>().ip;
});
