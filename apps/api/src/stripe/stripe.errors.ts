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
    return new StripeWebhookError(StripeErrorCode.SignatureInvalid, HttpStatus.BAD_REQUEST, `The Stripe-Signature header does not verify: ${reason}`);
  }
  static payload(reason: string): StripeWebhookError {
    return new StripeWebhookError(StripeErrorCode.PayloadInvalid, HttpStatus.BAD_REQUEST, `The webhook body is not a Stripe event: ${reason}`);
  }
  static notFound(id: string): StripeWebhookError {
    return new StripeWebhookError(StripeErrorCode.EventNotFound, HttpStatus.NOT_FOUND, `No Stripe event ${id} has been received.`);
  }
  static alreadyProcessed(id: string): StripeWebhookError {
    return new StripeWebhookError(StripeErrorCode.EventAlreadyProcessed, HttpStatus.CONFLICT, `Stripe event ${id} was already processed; replaying it would apply its effects twice.`);
  }
}
