import { StripeApiError } from './errors.js';

interface Saved {
  fingerprint: string;
  savedAt: number;
  /** Absent while the first request with the key is still running. */
  response?: { status: number; body: unknown };
}

const TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Stripe's Idempotency-Key semantics: the first request's result (success or error from running
 * it) is saved for 24 hours and replayed for the same key with the same parameters; other
 * parameters are a 400 `idempotency_error`; a request arriving while the first still runs is a
 * 409. Validation errors before anything ran are not saved, so a corrected retry may reuse the key.
 * Keys are scoped to the account the request acts on.
 */
export class IdempotencyKeys {
  private saved = new Map<string, Saved>();

  /** The saved response to replay, or undefined when the caller should run the request. */
  begin(scope: string, key: string, fingerprint: string): Saved['response'] | undefined {
    const id = `${scope}\u0000${key}`;
    const existing = this.saved.get(id);
    if (existing && Date.now() - existing.savedAt > TTL_MS) this.saved.delete(id);
    const current = this.saved.get(id);
    if (!current) {
      this.saved.set(id, { fingerprint, savedAt: Date.now() });
      return undefined;
    }
    if (current.fingerprint !== fingerprint) {
      throw new StripeApiError(
        400,
        'idempotency_error',
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (!current.response) {
      throw new StripeApiError(409, 'idempotency_error', 'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through). Please try again later.', {
        code: 'idempotency_key_in_use',
      });
    }
    return current.response;
  }

  finish(scope: string, key: string, response: { status: number; body: unknown } | undefined): void {
    const id = `${scope}\u0000${key}`;
    const current = this.saved.get(id);
    if (!current) return;
    if (response) current.response = response;
    else this.saved.delete(id);
  }

  clear(): void {
    this.saved.clear();
  }
}
