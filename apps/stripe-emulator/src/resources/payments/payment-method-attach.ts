import type Stripe from 'stripe';
import { cardDeclined, invalid } from '../../core/errors.js';
import type { Emit } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';
import { cardBehaviour } from './test-cards.js';

/** Attaches a PaymentMethod to a customer as Stripe does: a card that declines everything fails its verification. */
export function attachPaymentMethod(state: EmulatorState, emit: Emit, account: string | null, method: Stripe.PaymentMethod, customerId: string, param = 'customer'): Stripe.PaymentMethod {
  state.get<Stripe.Customer>('customer', customerId, account, param);
  if (method.customer === customerId) return method;
  if (method.customer) throw invalid('The payment method you provided has already been attached to a customer.', 'payment_method', 'payment_method_unexpected_state');
  if (cardBehaviour(state, method.id) === 'decline') throw cardDeclined('Your card was declined.', 'generic_decline');
  method.customer = customerId;
  emit('payment_method.attached', method, { account });
  return method;
}

/** Detaches it; a customer whose default it was loses the default, as in Stripe. */
export function detachPaymentMethod(state: EmulatorState, emit: Emit, account: string | null, method: Stripe.PaymentMethod): Stripe.PaymentMethod {
  const customerId = typeof method.customer === 'string' ? method.customer : method.customer?.id;
  if (!customerId) throw invalid('The payment method you provided is not attached to a customer so detachment is impossible.', undefined, 'payment_method_unexpected_state');
  const customer = state.find<Stripe.Customer>(customerId, account);
  if (customer?.invoice_settings.default_payment_method === method.id) {
    const before = structuredClone(customer.invoice_settings);
    customer.invoice_settings.default_payment_method = null;
    emit('customer.updated', customer, { account, previousAttributes: { invoice_settings: before } });
  }
  method.customer = null;
  emit('payment_method.detached', method, { account, previousAttributes: { customer: customerId } });
  return method;
}
