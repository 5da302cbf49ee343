import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../platform/http/domain-error.js';

const STATUS = { EXTENSION_POINT_NOT_FOUND: HttpStatus.NOT_FOUND } as const;

export class ExtensionPointError extends DomainError {
  constructor(code: keyof typeof STATUS, message: string) {
    super(code, STATUS[code], message);
  }
}
