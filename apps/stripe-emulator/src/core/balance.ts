import type Stripe from 'stripe';
import { newId } from './ids.js';
import type { EmulatorState } from './state.js';

/** Card payments in the emulator cost what Stripe charges for US cards: 2.9% + 30 cents, rounded to the minor unit. */
export function stripeFee(amount: number): number {
  return Math.round(amount * 0.029) + 30;
}

/** Card funds settle two days after the charge (unless the card says otherwise), as in Stripe's test mode. */
export const SETTLEMENT_SECONDS = 2 * 24 * 60 * 60;

export interface BalanceEntry {
  /** Positive adds to the balance, negative takes from it. */
  amount: number;
  currency: string;
  /** Stripe's fee on this movement (taken from `amount`, so `net = amount - fee`). */
  fee?: number;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  source: string | null;
  description?: string | null;
  /** When the money can be paid out or transferred; default now. */
  availableOn?: number;
}

/**
 * Every movement of money in a balance (the platform's, or a connected account's) is a balance
 * transaction, as in Stripe; balances are always computed from them, never stored.
 */
export function addBalanceTransaction(state: EmulatorState, account: string | null, entry: BalanceEntry): Stripe.BalanceTransaction {
  const now = state.now();
  const fee = entry.fee ?? 0;
  const transaction: Stripe.BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: entry.amount,
    available_on: entry.availableOn ?? now,
    balance_type: 'payments',
    created: now,
    currency: entry.currency,
    description: entry.description ?? null,
    exchange_rate: null,
    fee,
    fee_details: fee ? [{ amount: fee, application: null, currency: entry.currency, description: 'Stripe processing fees', type: 'stripe_fee' }] : [],
    net: entry.amount - fee,
    reporting_category: entry.reportingCategory,
    source: entry.source,
    status: (entry.availableOn ?? now) <= now ? 'available' : 'pending',
    type: entry.type,
  };
  return state.insert(transaction, account);
}

export interface Funds {
  available: Map<string, number>;
  pending: Map<string, number>;
}

/** Available and pending money per currency; also moves transactions whose date has come to `available`. */
export function fundsOf(state: EmulatorState, account: string | null): Funds {
  const now = state.now();
  const funds: Funds = { available: new Map(), pending: new Map() };
  for (const transaction of state.all<Stripe.BalanceTransaction>('balance_transaction', account)) {
    if (transaction.status === 'pending' && transaction.available_on <= now) transaction.status = 'available';
    const bucket = transaction.status === 'available' ? funds.available : funds.pending;
    bucket.set(transaction.currency, (bucket.get(transaction.currency) ?? 0) + transaction.net);
  }
  return funds;
}
