import type Stripe from 'stripe';
import { invalid } from '../../core/errors.js';
import { newId, secretToken } from '../../core/ids.js';
import type { EmulatorState } from '../../core/state.js';
import { formatMoney } from '../../pages/html.js';

export interface IntentFields {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  transferGroup?: string | null;
  receiptEmail?: string | null;
  setupFutureUsage?: Stripe.PaymentIntent.SetupFutureUsage | null;
  statementDescriptorSuffix?: string | null;
  automaticPaymentMethods?: Stripe.PaymentIntent.AutomaticPaymentMethods | null;
}

/** Stripe's bounds on a PaymentIntent's amount (the emulator uses 50 minor units as the minimum in every currency). */
export function checkAmount(amount: number, currency: string, param = 'amount'): void {
  if (amount < 50) {
    throw invalid(`Amount must be at least ${formatMoney(50, currency)} ${currency}`, param, 'amount_too_small');
  }
  if (amount > 99_999_999) throw invalid('Amount must be no more than 99,999,999', param, 'amount_too_large');
}

/**
 * A new PaymentIntent, not yet confirmed: waiting for a payment method or for confirmation. The API's minimum amount is
 * checked by the route, not here, so that small internal charges (prorated invoices) still go through.
 */
export function createPaymentIntent(state: EmulatorState, account: string | null, fields: IntentFields): Stripe.PaymentIntent {
  if (!Number.isSafeInteger(fields.amount) || fields.amount < 1) throw invalid(`Invalid amount: ${fields.amount}`, 'amount');
  if (fields.customer) state.get<Stripe.Customer>('customer', fields.customer, account, 'customer');
  const id = newId('pi');
  const intent: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: fields.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: fields.automaticPaymentMethods ?? null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${secretToken(18).replace(/[-_]/g, 'x')}`,
    confirmation_method: 'automatic',
    created: state.now(),
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: fields.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: fields.receiptEmail ?? null,
    review: null,
    setup_future_usage: fields.setupFutureUsage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: fields.statementDescriptorSuffix ?? null,
    status: fields.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: fields.transferGroup ?? null,
  };
  return state.insert(intent, account);
}
