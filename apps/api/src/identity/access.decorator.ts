import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ApiScope, StaffRole } from '@guild/contracts';

/**
 * Who may call a route. Every route declares exactly one rule (a test walks the registered routes
 * and fails on any that does not); the global AccessGuard enforces it and refuses undeclared routes.
 * - public: anyone, signed in or not; with `identify`, credentials that are sent are checked (401 when
 *   bad, so an expired session refreshes instead of quietly seeing the public view) and the caller
 *   is read with `@OptionalCaller()`, for routes that show more to some callers;
 * - member: any signed-in user; an API token only if it carries one of the listed scopes
 *   (no scopes listed = browser sessions only);
 * - staff: a signed-in user holding one of the roles (never an API token).
 */
export type AccessRule =
  | { kind: 'public'; identify?: boolean }
  | { kind: 'member'; scopes: ApiScope[] }
  | { kind: 'staff'; roles: StaffRole[] };

export const ACCESS_RULE = 'guild:access';

const secured = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked credentials' }),
    ApiForbiddenResponse({ description: 'FORBIDDEN, STAFF_ROLE_REQUIRED or TOKEN_SCOPE_MISSING' }),
  );

export const Access = {
  public: (options: { identify?: boolean } = {}) =>
    options.identify
      ? applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'public', identify: true } satisfies AccessRule), ApiBearerAuth())
      : SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
  member: (...scopes: ApiScope[]) => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'member', scopes } satisfies AccessRule), secured()),
  staff: (...roles: StaffRole[]) => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'staff', roles } satisfies AccessRule), secured()),
};
