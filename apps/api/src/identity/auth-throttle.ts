import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerOptions } from '@nestjs/throttler';
import type { GuildConfig } from '../platform/config/guild-config.js';

const emailOf = (request: { body?: unknown }): string | undefined => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : undefined;
};

/**
 * Two limits on sign-in and sign-up: per client IP, and per account (the email in the body), so a
 * botnet cannot spray one account and one address cannot spray many.
 */
export function authThrottlers(config: GuildConfig): ThrottlerOptions[] {
  const ttl = config.authRateLimitWindowSeconds * 1000;
  return [
    { name: 'ip', ttl, limit: config.authRateLimitPerIp },
    {
      name: 'account',
      ttl,
      limit: config.authRateLimitPerAccount,
      getTracker: (request: Record<string, unknown>) => `account:${emailOf(request) ?? ''}`,
      skipIf: (context: ExecutionContext) => !emailOf(context.switchToHttp().getRequest()),
    },
  ];
}

/** Applied only to the routes that take credentials (not global: browsing is not rate-limited here). */
@Injectable()
export class AuthThrottleGuard extends ThrottlerGuard {}
