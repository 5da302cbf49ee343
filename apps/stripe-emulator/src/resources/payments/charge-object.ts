import type Stripe from 'stripe';
import { idOf, newId } from '../../core/ids.js';

/** Why a card was declined, as Stripe words it to the buyer and to the seller. */
export interface Decline {
  declineCode: string;
  message: string;
  sellerMessage: string;
}

export const DECLINES = {
  generic_decline: { declineCode: 'generic_decline', message: 'Your card was declined.', sellerMessage: 'The bank did not return any further details with this decline.' },
  insufficient_funds: { declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.', sellerMessage: 'The bank returned the decline code `insufficient_funds`.' },
} satisfies Record<string, Decline>;

/** A card charge for a PaymentIntent's attempt: `succeeded`, or `failed` with Stripe's failure fields when `decline` is set. */
export function buildCharge(intent: Stripe.PaymentIntent, method: Stripe.PaymentMethod, now: number, cvcChecked: boolean, decline?: Decline): Stripe.Charge {
  const card = method.card!;
  const id = newId('ch');
  return {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: decline ? 0 : intent.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: method.billing_details,
    calculated_statement_descriptor: 'GUILD',
    captured: !decline,
    created: now,
    currency: intent.currency,
    customer: idOf(intent.customer),
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline ? 'card_declined' : null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: decline ? 'try_again_later' : null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: decline ? 'declined_by_network' : 'approved_by_network',
      reason: decline?.declineCode ?? null,
      risk_level: 'normal',
      risk_score: 32,
      seller_message: decline?.sellerMessage ?? 'Payment complete.',
      type: decline ? 'issuer_declined' : 'authorized',
    },
    paid: !decline,
    payment_intent: intent.id,
    payment_method: method.id,
    payment_method_details: {
      type: 'card',
      card: {
        amount_authorized: decline ? null : intent.amount,
        authorization_code: decline ? null : String(100000 + (now % 900000)),
        brand: card.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: cvcChecked ? 'pass' : null },
        country: card.country,
        electronic_commerce_indicator: null,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint,
        funding: card.funding,
        installments: null,
        last4: card.last4,
        mandate: null,
        network: card.brand,
        network_transaction_id: decline ? null : newId('', 15).slice(1),
        regulated_status: card.regulated_status,
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: decline ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: intent.transfer_group,
  };
}
