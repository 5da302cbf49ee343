import type Stripe from 'stripe';
import { idOf, newId } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import type { HiddenSession } from './session-lifecycle.js';

/**
 * Who pays a session: its `customer`, the customer a declined attempt already created, or a new
 * customer with the email typed on the page (Checkout creates one, customer.created).
 */
export function checkoutCustomer(scope: Scope, session: Stripe.Checkout.Session, email: string, name: string): Stripe.Customer {
  const hidden = scope.state.hidden<HiddenSession>(session.id);
  const existing = session.customer ?? hidden.customer;
  const found = existing ? scope.state.find<Stripe.Customer>(idOf(existing), scope.account) : undefined;
  if (found) return found;
  const customer: Stripe.Customer = {
    id: newId('cus', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created: scope.state.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email,
    invoice_prefix: newId('', 8).slice(1).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  scope.state.insert(customer, scope.account);
  scope.emit('customer.created', customer);
  hidden.customer = customer.id;
  return customer;
}

/** Attaches the card that paid to the customer (payment_method.attached), as Checkout does. */
export function attachCard(scope: Scope, method: Stripe.PaymentMethod, customer: Stripe.Customer): void {
  if (method.customer === customer.id) return;
  method.customer = customer.id;
  scope.emit('payment_method.attached', method);
}
