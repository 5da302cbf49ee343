import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../platform/http/domain-error.js';

const STATUS = {
  PARTNER_NOT_FOUND: HttpStatus.NOT_FOUND,
  PARTNER_ACCESS_DENIED: HttpStatus.FORBIDDEN,
  PARTNER_ROLE_REQUIRED: HttpStatus.FORBIDDEN,
  PARTNER_SUSPENDED: HttpStatus.CONFLICT,
  PARTNER_STATE: HttpStatus.CONFLICT,
  NAMESPACE_INVALID: HttpStatus.BAD_REQUEST,
  NAMESPACE_RESERVED: HttpStatus.BAD_REQUEST,
  NAMESPACE_TAKEN: HttpStatus.CONFLICT,
  MEMBER_NOT_FOUND: HttpStatus.NOT_FOUND,
  ALREADY_MEMBER: HttpStatus.CONFLICT,
  OWNER_PROTECTED: HttpStatus.CONFLICT,
  INVITATION_PENDING: HttpStatus.CONFLICT,
  INVITATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  INVITATION_EXPIRED: HttpStatus.GONE,
  INVITATION_USED: HttpStatus.CONFLICT,
  INVITATION_EMAIL_MISMATCH: HttpStatus.FORBIDDEN,
} as const;

export type PartnerErrorCode = keyof typeof STATUS;

export class PartnerError extends DomainError {
  constructor(code: PartnerErrorCode, message: string, details?: unknown) {
    super(code, STATUS[code], message, details);
  }
}
