import { HttpStatus } from '@nestjs/common';

/**
 * An error a caller can act on: a stable machine-readable code, an HTTP status and a message that
 * says what to do. Each domain subclasses it with its own codes (see identity/identity.errors.ts);
 * the global filter turns it into `{"error":{code,message,details}}`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
