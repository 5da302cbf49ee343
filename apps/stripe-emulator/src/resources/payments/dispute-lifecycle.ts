import type Stripe from 'stripe';
import { addBalanceTransaction } from '../../core/balance.js';
import { invalid } from '../../core/errors.js';
import { idOf, newId } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';

/** Stripe's fee for a dispute ($15), kept even when the dispute is won. */
export const DISPUTE_FEE = 1500;

/** How long the seller has to respond, roughly what card networks give. */
const RESPONSE_SECONDS = 7 * 24 * 60 * 60;

export const DISPUTE_REASONS = [
  'bank_cannot_process',
  'check_returned',
  'credit_not_processed',
  'customer_initiated',
  'debit_not_authorized',
  'duplicate',
  'fraudulent',
  'general',
  'incorrect_account_details',
  'insufficient_funds',
  'noncompliant',
  'product_not_received',
  'product_unacceptable',
  'subscription_canceled',
  'unrecognized',
];

/** Visa's reason codes for the common reasons. */
const NETWORK_REASON_CODES: Record<string, string> = {
  fraudulent: '10.4',
  duplicate: '12.6.1',
  product_not_received: '13.1',
  subscription_canceled: '13.2',
  product_unacceptable: '13.3',
  credit_not_processed: '13.6',
};

/** Statuses in which the seller may still respond (submit evidence or accept). */
export const AWAITING_RESPONSE = ['needs_response', 'warning_needs_response'];

/** The buyer's bank disputes a charge: the amount and Stripe's dispute fee leave the balance at once. */
export function openDispute(scope: Scope, charge: Stripe.Charge, amount: number, reason: string): Stripe.Dispute {
  const { state, account } = scope;
  if (charge.status !== 'succeeded') throw invalid(`Charge ${charge.id} did not succeed, so it cannot be disputed.`, 'charge');
  if (charge.disputed) throw invalid(`Charge ${charge.id} is already disputed.`, 'charge');
  if (amount < 1 || amount > charge.amount) throw invalid(`The dispute amount must be between 1 and the charge amount (${charge.amount}).`, 'amount');
  const id = newId('dp');
  const withdrawal = addBalanceTransaction(state, account, {
    amount: -amount,
    currency: charge.currency,
    fee: DISPUTE_FEE,
    type: 'adjustment',
    reportingCategory: 'dispute',
    source: id,
    description: `Chargeback withdrawal for ${charge.id}`,
  });
  const method = charge.payment_method_details?.card;
  const dispute: Stripe.Dispute = {
    id,
    object: 'dispute',
    amount,
    balance_transactions: [structuredClone(withdrawal)],
    charge: charge.id,
    created: state.now(),
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: { due_by: state.now() + RESPONSE_SECONDS, enhanced_eligibility: {}, has_evidence: false, past_due: false, submission_count: 0, submission_method: 'not_submitted' },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    network_reason_code: NETWORK_REASON_CODES[reason] ?? null,
    payment_intent: charge.payment_intent,
    payment_method_details: {
      type: 'card',
      card: { brand: method?.brand ?? 'visa', case_type: 'chargeback', network: method?.network ?? 'visa', network_reason_code: NETWORK_REASON_CODES[reason] ?? null },
    },
    reason,
    status: 'needs_response',
  };
  state.insert(dispute, account);
  charge.disputed = true;
  scope.emit('charge.dispute.created', dispute);
  scope.emit('charge.dispute.funds_withdrawn', dispute);
  return dispute;
}

/** The bank decides: won reinstates the disputed amount (not the fee); lost keeps it withdrawn. */
export function closeDispute(scope: Scope, dispute: Stripe.Dispute, outcome: 'won' | 'lost'): Stripe.Dispute {
  if (dispute.status === 'won' || dispute.status === 'lost') throw invalid(`Dispute ${dispute.id} is already closed (${dispute.status}).`, undefined, 'dispute_already_closed');
  dispute.status = outcome;
  if (outcome === 'won') {
    const reinstated = addBalanceTransaction(scope.state, scope.account, {
      amount: dispute.amount,
      currency: dispute.currency,
      type: 'adjustment',
      reportingCategory: 'dispute_reversal',
      source: dispute.id,
      description: `Chargeback reversal for ${idOf(dispute.charge)}`,
    });
    dispute.balance_transactions.push(structuredClone(reinstated));
    scope.emit('charge.dispute.funds_reinstated', dispute);
  }
  scope.emit('charge.dispute.closed', dispute);
  return dispute;
}

function emptyEvidence(): Stripe.Dispute.Evidence {
  return {
    access_activity_log: null,
    billing_address: null,
    cancellation_policy: null,
    cancellation_policy_disclosure: null,
    cancellation_rebuttal: null,
    customer_communication: null,
    customer_email_address: null,
    customer_name: null,
    customer_purchase_ip: null,
    customer_signature: null,
    duplicate_charge_documentation: null,
    duplicate_charge_explanation: null,
    duplicate_charge_id: null,
    enhanced_evidence: {},
    product_description: null,
    receipt: null,
    refund_policy: null,
    refund_policy_disclosure: null,
    refund_refusal_explanation: null,
    service_date: null,
    service_documentation: null,
    shipping_address: null,
    shipping_carrier: null,
    shipping_date: null,
    shipping_documentation: null,
    shipping_tracking_number: null,
    uncategorized_file: null,
    uncategorized_text: null,
  };
}
