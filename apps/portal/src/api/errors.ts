import type { ApiErrorBody, FieldError } from '@guild/contracts';

/** A failed API call, carrying Guild's error body (`{error: {code, message, details}}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Builds an ApiError from whatever a failed response carried, even a non-Guild body (a proxy's 502 page). */
  static from(status: number, body: unknown): ApiError {
    const error = (body as Partial<ApiErrorBody> | undefined)?.error;
    if (error && typeof error.code === 'string') {
      return new ApiError(status, error.code, error.message ?? error.code, error.details);
    }
    return new ApiError(status, status >= 500 ? 'INTERNAL' : 'ERROR', `The server answered ${status}.`);
  }
}

/** On VALIDATION_FAILED, the messages for each field; empty for any other error. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const byField: Record<string, string[]> = {};
  for (const entry of error.details as Partial<FieldError>[]) {
    if (typeof entry?.field !== 'string' || !Array.isArray(entry.messages)) continue;
    (byField[entry.field] ??= []).push(...entry.messages);
  }
  return byField;
}

/** A sentence to show in an alert for any error: the API's message, or a hint for network failures. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Could not reach Guild. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}
