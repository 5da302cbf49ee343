import type Stripe from 'stripe';
import { addBalanceTransaction } from '../../core/balance.js';
import { stateEmit } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';

/** What Stripe keeps about a payout but never shows. */
export interface PayoutSecrets {
  /** The payout fails with this code when it would arrive (a control switch, or a failing test bank account). */
  failureCode?: string;
}

/** Stripe's messages for payout failure codes. */
export const PAYOUT_FAILURES: Record<string, string> = {
  account_closed: 'The bank account has been closed.',
  account_frozen: 'The bank account has been frozen.',
  bank_account_restricted: 'The bank account has restrictions on either the type or number of payouts allowed. This normally indicates that the bank account is a savings or other non-checking account.',
  could_not_process: 'The bank could not process this payout.',
  debit_not_authorized: 'Debit transactions are not approved on the bank account. (Stripe requires bank accounts to be set up for both credit and debit payouts.)',
  declined: 'The bank has declined this transfer. Please contact the bank before retrying.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  invalid_account_number: 'The routing number seems correct, but the account number is invalid.',
  invalid_currency: 'The bank was unable to process this payout because of its currency. This is probably because the bank account cannot accept payments in that currency.',
  no_account: 'The bank account details on file are probably incorrect. No bank account could be located with those details.',
};

/** Payouts whose arrival date the clock has passed are paid (or fail, when set up to). */
export function payoutArrivals(state: EmulatorState, now: number): void {
  const emit = stateEmit(state);
  for (const { account, data: payout } of state.everywhere<Stripe.Payout>('payout')) {
    if ((payout.status !== 'pending' && payout.status !== 'in_transit') || payout.arrival_date > now) continue;
    const failureCode = state.hidden<PayoutSecrets>(payout.id).failureCode;
    if (!failureCode) {
      payout.status = 'paid';
      emit('payout.paid', payout, { account });
      continue;
    }
    const transaction = addBalanceTransaction(state, account, {
      amount: payout.amount,
      currency: payout.currency,
      type: 'payout_failure',
      reportingCategory: 'payout_reversal',
      source: payout.id,
      description: `Payout failure: ${failureCode}`,
    });
    payout.status = 'failed';
    payout.failure_code = failureCode;
    payout.failure_message = PAYOUT_FAILURES[failureCode] ?? 'The payout could not be completed.';
    payout.failure_balance_transaction = transaction.id;
    emit('payout.failed', payout, { account });
  }
}
