import type { ApiRouter } from '../../core/router.js';
import { registerInvoices } from './invoices.js';
import { registerPrices } from './prices.js';
import { registerProducts } from './products.js';
import { registerSubscriptions } from './subscriptions.js';
import { registerTestClocks } from './test-clocks.js';
import { billingTick } from './time.js';

/** Billing: products and prices, subscriptions, their invoices and payments, and test clocks. */
export function registerBilling(api: ApiRouter): void {
  api.onTick(billingTick);
  registerProducts(api);
  registerPrices(api);
  registerSubscriptions(api);
  registerInvoices(api);
  registerTestClocks(api);
}
