import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ACCESS_RULE, type AccessRule } from './access.decorator.js';
import type { Caller } from './caller.js';
import { IdentityError } from './identity.errors.js';

/** The global guard: authenticates (API token or session JWT) and enforces each route's declared AccessRule. */
@Injectable()
export class AccessGuard extends AuthGuard(['api-token', 'jwt']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new IdentityError('FORBIDDEN', 'This route declares no access rule, so it is closed to everyone.');
    if (rule.kind === 'public') return rule.identify === true && this.sendsCredentials(context) ? super.canActivate(context) as Promise<boolean> : true;
    await super.canActivate(context);
    const caller = context.switchToHttp().getRequest<{ user: Caller }>().user;
    assertAllowed(rule, caller);
    return true;
  }

  private sendsCredentials(context: ExecutionContext): boolean {
    return Boolean(context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers.authorization);
  }

  override handleRequest<TUser = Caller>(err: unknown, user: TUser | false): TUser {
    if (err || !user) throw new IdentityError('UNAUTHENTICATED', 'Sign in, or send a valid token as `Authorization: Bearer …`.');
    return user;
  }
}

export function assertAllowed(rule: AccessRule, caller: Caller): void {
  if (rule.kind === 'staff') {
    if (caller.via === 'token') throw new IdentityError('TOKEN_SCOPE_MISSING', 'Staff actions cannot be taken with an API token; sign in instead.');
    if (!rule.roles.some((role) => caller.roles.includes(role))) {
      throw new IdentityError('STAFF_ROLE_REQUIRED', `This needs one of the staff roles: ${rule.roles.join(', ')}.`, { required: rule.roles });
    }
  }
  if (rule.kind === 'member' && caller.via === 'token' && !rule.scopes.some((scope) => caller.scopes?.includes(scope))) {
    const message = rule.scopes.length
      ? `This token lacks the scope this needs (${rule.scopes.join(' or ')}).`
      : 'This can only be done from a signed-in session, not with an API token.';
    throw new IdentityError('TOKEN_SCOPE_MISSING', message, { required: rule.scopes });
  }
}
