import type { ApiRouter } from '../../core/router.js';
import { registerBalanceTransactions } from './balance-transactions.js';
import { registerCharges } from './charges.js';
import { registerCustomers } from './customers.js';
import { registerDisputes } from './disputes.js';
import { registerPaymentIntents } from './payment-intents.js';
import { registerPaymentMethods } from './payment-methods.js';
import { registerRefunds } from './refunds.js';

/** Buyers' side: customers, payment methods, payment intents, charges, balance transactions, refunds, disputes. */
export function registerPayments(api: ApiRouter): void {
  registerCustomers(api);
  registerPaymentMethods(api);
  registerPaymentIntents(api);
  registerCharges(api);
  registerBalanceTransactions(api);
  registerRefunds(api);
  registerDisputes(api);
}
