import type { ApiRouter } from '../core/router.js';
import { registerWebhookEndpoints } from '../webhooks/endpoints.js';
import { registerBilling } from './billing/billing.js';
import { registerCheckout } from './checkout/checkout.js';
import { registerConnect } from './connect/connect.js';
import { registerEvents } from './events.js';
import { registerMoneyOut } from './money-out/money-out.js';
import { registerPayments } from './payments/payments.js';

/** Every Stripe API route the emulator serves, by area. */
export function registerResources(api: ApiRouter): void {
  registerConnect(api);
  registerPayments(api);
  registerCheckout(api);
  registerBilling(api);
  registerMoneyOut(api);
  registerEvents(api);
  registerWebhookEndpoints(api);
}
