import { createParamDecorator, Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Caller } from './caller.js';
import { IdentityError } from './identity.errors.js';

/**
 * For public routes that show more to some callers (a partner's unpublished versions, what staff
 * see): without an Authorization header the request goes on anonymously; with one, the credentials
 * must be valid (401 otherwise, so a client with an expired session refreshes it instead of quietly
 * seeing the public view). Put it beside `@Access.public()` and read the caller with `@OptionalCaller()`.
 */
@Injectable()
export class OptionalCallerGuard extends AuthGuard(['api-token', 'jwt']) {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    if (!request.headers.authorization) return true;
    await super.canActivate(context);
    return true;
  }

  override handleRequest<TUser = Caller>(err: unknown, user: TUser | false): TUser {
    if (err || !user) throw new IdentityError('UNAUTHENTICATED', 'Sign in again, or send a valid token as `Authorization: Bearer …` (or none, to be served as the public).');
    return user;
  }
}

/** The caller on a route guarded by OptionalCallerGuard: null when anonymous. */
export const OptionalCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller | null => {
  return context.switchToHttp().getRequest<{ user?: Caller }>().user ?? null;
});
