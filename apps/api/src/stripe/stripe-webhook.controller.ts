import { Controller, Headers, HttpCode, Post, type RawBodyRequest, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access } from '../identity/access.decorator.js';
import { WebhookAckDto } from './stripe-events.dto.js';
import { StripeWebhookReceiver } from './stripe-webhook.receiver.js';

@ApiTags('webhooks')
@Controller('webhooks/stripe')
export class StripeWebhookController {
  constructor(private readonly receiver: StripeWebhookReceiver) {}

  @Post()
  @HttpCode(200)
  @Access.public()
  @ApiOperation({ summary: 'Stripe webhook endpoint (platform and Connect events)', description: 'Verifies Stripe-Signature on the raw body, stores the event once by id, and queues its processing.' })
  @ApiOkResponse({ type: WebhookAckDto })
  @ApiBadRequestResponse({ description: 'STRIPE_SIGNATURE_INVALID (missing, forged or stale signature) or STRIPE_PAYLOAD_INVALID; nothing is stored' })
  receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature?: string) {
    return this.receiver.receive(request.rawBody, signature);
  }
}
