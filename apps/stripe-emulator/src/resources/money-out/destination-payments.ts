import type Stripe from 'stripe';
import { addBalanceTransaction } from '../../core/balance.js';
import { newId } from '../../core/ids.js';
import type { EmulatorState } from '../../core/state.js';

/**
 * The connected account's side of a transfer: a `py_` payment (a Charge in the account's scope)
 * and its balance transaction, available when `availableOn` comes.
 */
export function createDestinationPayment(state: EmulatorState, transfer: Stripe.Transfer, destination: string, availableOn: number): Stripe.Charge {
  const id = newId('py');
  const transaction = addBalanceTransaction(state, destination, {
    amount: transfer.amount,
    currency: transfer.currency,
    type: 'payment',
    reportingCategory: 'charge',
    source: id,
    availableOn,
  });
  const payment: Stripe.Charge = {
    id,
    object: 'charge',
    amount: transfer.amount,
    amount_captured: transfer.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: transaction.id,
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: null,
    captured: true,
    created: transfer.created,
    currency: transfer.currency,
    customer: null,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: null,
    paid: true,
    payment_intent: null,
    payment_method: null,
    payment_method_details: { type: 'stripe_account', stripe_account: {} },
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: transfer.id,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: transfer.transfer_group,
  };
  return state.insert(payment, destination);
}

/** Gives back part of a destination payment for a transfer reversal: a refund whose balance transaction may take the account below zero. */
export function refundDestinationPayment(state: EmulatorState, paymentId: string, destination: string, amount: number, reversalId: string): Stripe.Refund {
  const payment = state.get<Stripe.Charge>('charge', paymentId, destination);
  const id = newId('pyr');
  const transaction = addBalanceTransaction(state, destination, {
    amount: -amount,
    currency: payment.currency,
    type: 'payment_refund',
    reportingCategory: 'refund',
    source: id,
  });
  const refund: Stripe.Refund = {
    id,
    object: 'refund',
    amount,
    balance_transaction: transaction.id,
    charge: payment.id,
    created: state.now(),
    currency: payment.currency,
    customer: null,
    customer_account: null,
    metadata: {},
    payment_intent: null,
    payment_method: null,
    reason: null,
    receipt_number: null,
    source_transfer_reversal: reversalId,
    status: 'succeeded',
    transfer_reversal: null,
  };
  state.insert(refund, destination);
  payment.amount_refunded += amount;
  payment.refunded = payment.amount_refunded >= payment.amount;
  return refund;
}
