import type { ApiRouter } from '../../core/router.js';
import { registerCustomers } from './customers.js';

/** Buyers' side: customers, payment methods, payment intents, charges, balance transactions, refunds, disputes. */
export function registerPayments(api: ApiRouter): void {
  registerCustomers(api);
}
