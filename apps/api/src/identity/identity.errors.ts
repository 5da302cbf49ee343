import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../platform/http/domain-error.js';

export const IdentityErrorCode = {
  InvalidCredentials: 'INVALID_CREDENTIALS',
  EmailTaken: 'EMAIL_TAKEN',
  PasswordTooCommon: 'PASSWORD_TOO_COMMON',
  Unauthenticated: 'UNAUTHENTICATED',
  RefreshInvalid: 'REFRESH_INVALID',
  RefreshReused: 'REFRESH_TOKEN_REUSED',
  Forbidden: 'FORBIDDEN',
  StaffRoleRequired: 'STAFF_ROLE_REQUIRED',
  TokenScopeMissing: 'TOKEN_SCOPE_MISSING',
  TokenNotFound: 'TOKEN_NOT_FOUND',
  TokenLimitReached: 'TOKEN_LIMIT_REACHED',
  UserNotFound: 'USER_NOT_FOUND',
  UnknownRole: 'UNKNOWN_ROLE',
  LastAdmin: 'LAST_ADMIN',
} as const;

const STATUS: Record<string, HttpStatus> = {
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  EMAIL_TAKEN: HttpStatus.CONFLICT,
  PASSWORD_TOO_COMMON: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  REFRESH_INVALID: HttpStatus.UNAUTHORIZED,
  REFRESH_TOKEN_REUSED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  STAFF_ROLE_REQUIRED: HttpStatus.FORBIDDEN,
  TOKEN_SCOPE_MISSING: HttpStatus.FORBIDDEN,
  TOKEN_NOT_FOUND: HttpStatus.NOT_FOUND,
  TOKEN_LIMIT_REACHED: HttpStatus.CONFLICT,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  UNKNOWN_ROLE: HttpStatus.BAD_REQUEST,
  LAST_ADMIN: HttpStatus.CONFLICT,
};

export type IdentityErrorCode = (typeof IdentityErrorCode)[keyof typeof IdentityErrorCode];

export class IdentityError extends DomainError {
  constructor(code: IdentityErrorCode, message: string, details?: unknown) {
    super(code, STATUS[code], message, details);
  }
}
