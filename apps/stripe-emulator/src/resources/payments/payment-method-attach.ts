import type Stripe from 'stripe';
import { cardDeclined, invalid } from '../../core/errors.js';
import { idOf } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { cardBehaviour } from './test-cards.js';

/** Attaches a PaymentMethod to a customer as Stripe does: a card that declines everything fails its verification. */
export function attachPaymentMethod(scope: Scope, method: Stripe.PaymentMethod, customerId: string, param = 'customer'): Stripe.PaymentMethod {
  scope.state.get<Stripe.Customer>('customer', customerId, scope.account, param);
  if (method.customer === customerId) return method;
  if (method.customer) throw invalid('The payment method you provided has already been attached to a customer.', 'payment_method', 'payment_method_unexpected_state');
  if (cardBehaviour(scope.state, method.id) === 'decline') throw cardDeclined('Your card was declined.', 'generic_decline');
  method.customer = customerId;
  scope.emit('payment_method.attached', method);
  return method;
}

/** Detaches it; a customer whose default it was loses the default, as in Stripe. */
export function detachPaymentMethod(scope: Scope, method: Stripe.PaymentMethod): Stripe.PaymentMethod {
  const customerId = idOf(method.customer);
  if (!customerId) throw invalid('The payment method you provided is not attached to a customer so detachment is impossible.', undefined, 'payment_method_unexpected_state');
  const customer = scope.state.find<Stripe.Customer>(customerId, scope.account);
  if (customer?.invoice_settings.default_payment_method === method.id) {
    const before = structuredClone(customer.invoice_settings);
    customer.invoice_settings.default_payment_method = null;
    scope.emit('customer.updated', customer, { previousAttributes: { invoice_settings: before } });
  }
  method.customer = null;
  scope.emit('payment_method.detached', method, { previousAttributes: { customer: customerId } });
  return method;
}
