import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../platform/http/domain-error.js';

const STATUS = {
  APPLICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  APPLICATION_ALREADY_OPEN: HttpStatus.CONFLICT,
  APPLICATION_STATE: HttpStatus.CONFLICT,
  REAPPLY_COOLDOWN: HttpStatus.CONFLICT,
  NAMESPACE_INVALID: HttpStatus.BAD_REQUEST,
  NAMESPACE_RESERVED: HttpStatus.BAD_REQUEST,
  NAMESPACE_TAKEN: HttpStatus.CONFLICT,
  NAMESPACE_TOO_SIMILAR: HttpStatus.CONFLICT,
} as const;

export type PartnerApplicationErrorCode = keyof typeof STATUS;

export class PartnerApplicationError extends DomainError {
  constructor(code: PartnerApplicationErrorCode, message: string, details?: unknown) {
    super(code, STATUS[code], message, details);
  }
}
