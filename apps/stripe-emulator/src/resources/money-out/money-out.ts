import type { ApiRouter } from '../../core/router.js';
import { registerBalance } from './balance-endpoint.js';
import { payoutArrivals } from './payout-arrivals.js';
import { registerPayouts } from './payouts.js';
import { registerTransferReversals } from './transfer-reversals.js';
import { registerTransfers } from './transfers.js';

/** Money out: transfers to connected accounts and their reversals, balances, payouts to bank accounts. */
export function registerMoneyOut(api: ApiRouter): void {
  api.onTick(payoutArrivals);
  registerTransfers(api);
  registerTransferReversals(api);
  registerBalance(api);
  registerPayouts(api);
}
