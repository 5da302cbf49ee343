/** Stripe's error types; the status codes follow https://docs.stripe.com/api/errors. */
export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error' | 'authentication_error' | 'rate_limit_error';

/** Thrown by handlers; the server turns it into `{"error":{type,code,message,param,...}}` with its status. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly extra: { code?: string; param?: string; decline_code?: string; payment_intent?: unknown; charge?: string } = {},
  ) {
    super(message);
  }

  toJSON(requestLogUrl: string): { error: Record<string, unknown> } {
    const docUrl = this.extra.code ? { doc_url: `https://stripe.com/docs/error-codes/${this.extra.code.replace(/_/g, '-')}` } : {};
    return { error: { type: this.type, message: this.message, ...this.extra, ...docUrl, ...(requestLogUrl ? { request_log_url: requestLogUrl } : {}) } };
  }
}

export function invalid(message: string, param?: string, code = 'parameter_invalid'): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, { code, ...(param ? { param } : {}) });
}

export function unknownParam(param: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

export function missingParam(param: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

/** Object types Stripe names otherwise in "No such ...": the others it names by their `object` value (`No such payment_intent`). */
const STRIPE_NAMES: Record<string, string> = { payment_method: 'PaymentMethod', bank_account: 'external account' };

/**
 * What Stripe answers for an id that does not exist (or belongs to another account): `kind` is the
 * object type (`payment_intent`), or what Stripe calls the missing thing (`destination`, `token`).
 */
export function noSuch(kind: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(param ? 400 : 404, 'invalid_request_error', `No such ${STRIPE_NAMES[kind] ?? kind}: '${id}'`, { code: 'resource_missing', ...(param ? { param } : {}) });
}

export function cardDeclined(message: string, declineCode: string, code = 'card_declined', extra: { payment_intent?: unknown; charge?: string } = {}): StripeApiError {
  return new StripeApiError(402, 'card_error', message, { code, decline_code: declineCode, ...extra });
}
