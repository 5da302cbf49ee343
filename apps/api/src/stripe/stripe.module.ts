import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { StripeConnectService } from './stripe-connect.service.js';
import { StripeConnection } from './stripe-connection.js';
import { StripeEventProcessor } from './stripe-event.processor.js';
import { StripeEventsService } from './stripe-events.service.js';
import { StripeStaffController } from './stripe-staff.controller.js';
import { StripeWebhookController } from './stripe-webhook.controller.js';
import { StripeWebhookReceiver } from './stripe-webhook.receiver.js';

/**
 * The only module that talks to Stripe: it holds the client (real Stripe or the emulator), takes
 * webhooks in and publishes typed domain events (`stripe.*`, see stripe-domain-events.ts) that
 * other modules subscribe to through DomainEvents.
 */
@Module({
  imports: [AuditModule],
  controllers: [StripeWebhookController, StripeStaffController],
  providers: [StripeConnection, StripeConnectService, StripeWebhookReceiver, StripeEventProcessor, StripeEventsService],
  exports: [StripeConnection, StripeConnectService],
})
export class StripeModule {}
