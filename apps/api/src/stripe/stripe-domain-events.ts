// What the stripe module tells other domains, in Guild's words. Subscribers never see a Stripe
// object: ids are Stripe's ids as strings, money is integer minor units with a currency.

export interface Money {
  amount: number;
  currency: string;
}

export type Metadata = Record<string, string>;

/** A partner's Connect account as it is now (re-read from Stripe on every account.updated). */
export interface ConnectedAccountChanged {
  accountId: string;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  transfersActive: boolean;
  /** Money can be sent and paid out: transfers capability active and payouts enabled. */
  payable: boolean;
  requirementsDue: string[];
  /** When the due requirements must be met before capabilities are disabled. */
  requirementsDeadline: Date | null;
  disabledReason: string | null;
  metadata: Metadata;
}

export interface CheckoutCompleted {
  sessionId: string;
  mode: 'payment' | 'subscription';
  clientReferenceId: string | null;
  customerId: string | null;
  paymentIntentId: string | null;
  subscriptionId: string | null;
  total: Money | null;
  paid: boolean;
  metadata: Metadata;
}

export interface PaymentSucceeded {
  paymentIntentId: string;
  chargeId: string | null;
  customerId: string | null;
  amount: Money;
  transferGroup: string | null;
  metadata: Metadata;
}

export interface PaymentFailed {
  paymentIntentId: string;
  customerId: string | null;
  amount: Money;
  failureCode: string | null;
  failureMessage: string | null;
  metadata: Metadata;
}

/** A charge's refunds as they are now (re-read), so a subscriber can post only what is new. */
export interface ChargeRefunded {
  chargeId: string;
  paymentIntentId: string | null;
  amount: Money;
  amountRefunded: number;
  refunds: { refundId: string; amount: number; status: string }[];
  metadata: Metadata;
}

export interface DisputeChanged {
  disputeId: string;
  chargeId: string;
  paymentIntentId: string | null;
  amount: Money;
  /** open while Stripe still decides (needs_response, under_review ...). */
  status: 'open' | 'won' | 'lost';
  reason: string;
}

export interface InvoiceLine {
  amount: number;
  priceId: string | null;
  quantity: number | null;
  periodStart: Date;
  periodEnd: Date;
  metadata: Metadata;
}

export interface InvoicePaid {
  invoiceId: string;
  subscriptionId: string | null;
  customerId: string | null;
  amountPaid: Money;
  billingReason: string | null;
  lines: InvoiceLine[];
  /** The subscription's metadata when the invoice was made (which listing, which partner). */
  subscriptionMetadata: Metadata;
}

export interface InvoicePaymentFailed {
  invoiceId: string;
  subscriptionId: string | null;
  customerId: string | null;
  amountDue: Money;
  attemptCount: number;
  nextPaymentAttempt: Date | null;
}

/** A subscription as it is now (re-read on every subscription event). */
export interface SubscriptionChanged {
  subscriptionId: string;
  customerId: string;
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  canceledAt: Date | null;
  items: { priceId: string; quantity: number | null; metadata: Metadata }[];
  metadata: Metadata;
}

export interface TransferReversed {
  transferId: string;
  destination: string | null;
  amount: Money;
  amountReversed: number;
  transferGroup: string | null;
  metadata: Metadata;
}

/** A payout as it is now (re-read): Guild's payout state follows this, never "paid on create". */
export interface PayoutChanged {
  payoutId: string;
  /** The connected account it pays out; null for the platform's own payouts. */
  accountId: string | null;
  amount: Money;
  status: 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';
  failureCode: string | null;
  failureMessage: string | null;
  arrivalDate: Date;
  metadata: Metadata;
}

declare module '../platform/events/domain-events.js' {
  interface DomainEventMap {
    'stripe.account.changed': ConnectedAccountChanged;
    'stripe.checkout.completed': CheckoutCompleted;
    'stripe.payment.succeeded': PaymentSucceeded;
    'stripe.payment.failed': PaymentFailed;
    'stripe.charge.refunded': ChargeRefunded;
    'stripe.dispute.changed': DisputeChanged;
    'stripe.invoice.paid': InvoicePaid;
    'stripe.invoice.payment-failed': InvoicePaymentFailed;
    'stripe.subscription.changed': SubscriptionChanged;
    'stripe.transfer.reversed': TransferReversed;
    'stripe.payout.changed': PayoutChanged;
  }
}
