import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../platform/http/domain-error.js';

export const StripeErrorCode = {
  SignatureInvalid: 'STRIPE_SIGNATURE_INVALID',
  PayloadInvalid: 'STRIPE_PAYLOAD_INVALID',
  EventNotFound: 'STRIPE_EVENT_NOT_FOUND',
  EventAlreadyProcessed: 'STRIPE_EVENT_ALREADY_PROCESSED',
} as const;

export class StripeWebhookError extends DomainError {
  static signature(reason: string): StripeWebhookError {
    return new StripeWebhookError(StripeErrorCode.SignatureInvalid, HttpStatus.BAD_REQUEST, `The Stripe-Signature header does not verify (${reason}); nothing was stored. Sign with the signing secret of the endpoint, set in STRIPE_WEBHOOK_SECRET or STRIPE_CONNECT_WEBHOOK_SECRET, and deliver the body unchanged within 5 minutes.`);
  }
  static payload(reason: string): StripeWebhookError {
    return new StripeWebhookError(StripeErrorCode.PayloadInvalid, HttpStatus.BAD_REQUEST, `The webhook body is not a Stripe event (${reason}); nothing was stored. Deliver the event exactly as Stripe sends it.`);
  }
  static notFound(id: string): StripeWebhookError {
    return new StripeWebhookError(StripeErrorCode.EventNotFound, HttpStatus.NOT_FOUND, `No Stripe event ${id} has been received; GET /v1/staff/stripe/events lists those that were.`);
  }
  static alreadyProcessed(id: string): StripeWebhookError {
    return new StripeWebhookError(StripeErrorCode.EventAlreadyProcessed, HttpStatus.CONFLICT, `Stripe event ${id} was already processed (or ignored); replaying it would apply its effects twice, so only failed or waiting events can be replayed.`);
  }
}
