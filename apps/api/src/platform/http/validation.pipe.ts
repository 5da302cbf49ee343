import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@guild/contracts';
import { DomainError } from './domain-error.js';

/** Flattens class-validator's tree into one entry per field: `address.city`, `items.0.price`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** VALIDATION_FAILED with one entry per bad field, also for checks made outside a DTO. */
export function validationFailed(errors: FieldError[]): DomainError {
  return new DomainError('VALIDATION_FAILED', 400, 'Some fields are invalid; see details for each.', errors);
}

/** Unknown fields are refused, every bad field is listed, and query strings are converted to their declared types. */
export function guildValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(fieldErrors(errors)),
  });
}
