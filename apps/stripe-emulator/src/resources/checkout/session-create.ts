import type Stripe from 'stripe';
import { invalid, missingParam } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Params } from '../../core/params.js';
import type { RequestContext } from '../../core/router.js';
import { readLineItems } from './session-line-items.js';
import type { HiddenSession } from './session-lifecycle.js';

export const CREATE_PARAMS = [
  'mode',
  'line_items',
  'success_url',
  'cancel_url',
  'customer',
  'customer_email',
  'client_reference_id',
  'metadata',
  'payment_intent_data',
  'subscription_data',
  'expires_at',
  'ui_mode',
  'locale',
  'payment_method_types',
  'submit_type',
] as const;

const MINUTE = 60;
const DEFAULT_LIFETIME = 24 * 60 * MINUTE;
/** Stripe's smallest charge in the usual currencies is 50 minor units ($0.50, €0.50, £0.30 rounded up here). */
const MINIMUM_AMOUNT = 50;

/** POST /v1/checkout/sessions: a hosted payment page (`url`) for line items in payment or subscription mode. */
export function createSession(ctx: RequestContext): Stripe.Checkout.Session {
  const { params, state } = ctx;
  const uiMode = params.string('ui_mode', { oneOf: ['hosted_page', 'embedded_page', 'elements', 'form'] }) ?? 'hosted_page';
  if (uiMode !== 'hosted_page') throw invalid(`The emulator serves hosted Checkout pages only; ui_mode=${uiMode} is not supported.`, 'ui_mode');
  const requestedMode = params.string('mode', { oneOf: ['payment', 'setup', 'subscription'] });
  if (!requestedMode) throw missingParam('mode');
  if (requestedMode === 'setup') throw invalid('The emulator does not support Checkout Sessions in `setup` mode.', 'mode');
  const mode = requestedMode as 'payment' | 'subscription';
  const successUrl = url(params, 'success_url');
  if (!successUrl) throw missingParam('success_url');
  const cancelUrl = url(params, 'cancel_url');
  const customerId = params.string('customer');
  const customerEmail = params.string('customer_email');
  if (customerId && customerEmail) throw invalid('You may only specify one of these parameters: customer, customer_email.', 'customer_email');
  if (customerId) state.get<Stripe.Customer>('customer', customerId, ctx.account, 'customer');
  if (customerEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(customerEmail)) throw invalid(`Invalid email address: ${customerEmail}`, 'customer_email', 'email_invalid');
  const types = params.strings('payment_method_types');
  if (types.some((type) => type !== 'card')) throw invalid('The emulator supports card payments only: payment_method_types must be ["card"].', 'payment_method_types');
  const hidden = modeData(params, mode);
  const now = state.now();
  const expiresAt = params.integer('expires_at') ?? now + DEFAULT_LIFETIME;
  if (expiresAt > now + DEFAULT_LIFETIME) throw invalid('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at');
  if (expiresAt < now + 30 * MINUTE) throw invalid('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at');
  const metadata = params.metadata();
  const clientReferenceId = params.string('client_reference_id', { max: 200 }) ?? null;
  const locale = params.string('locale') ?? null;
  const submitType = params.string('submit_type', { oneOf: ['auto', 'book', 'donate', 'pay', 'subscribe'] }) ?? null;
  const lineItems = readLineItems(ctx, params, mode);
  const currency = lineItems[0].currency;
  const total = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  if (mode === 'payment' && total < MINIMUM_AMOUNT) {
    throw invalid(`The Checkout Session's total amount due must add up to at least ${MINIMUM_AMOUNT} in the smallest unit of ${currency}.`, 'line_items', 'amount_too_small');
  }
  const id = newId('cs_test', 58);
  const session: Stripe.Checkout.Session = {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: cancelUrl,
    client_reference_id: clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: customerId ?? null,
    customer_account: null,
    customer_creation: customerId ? null : 'always',
    customer_details: customerEmail ? { address: null, business_name: null, email: customerEmail, individual_name: null, name: null, phone: null, tax_exempt: 'none', tax_ids: null } : null,
    customer_email: customerEmail ?? null,
    discounts: [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    line_items: { object: 'list', data: lineItems, has_more: false, url: `/v1/checkout/sessions/${id}/line_items` },
    livemode: false,
    locale,
    managed_payments: null,
    metadata,
    mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: submitType,
    subscription: null,
    success_url: successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: `${ctx.publicUrl}/c/pay/${id}`,
    wallet_options: null,
  };
  state.insert(session, ctx.account);
  Object.assign(state.hidden<HiddenSession>(id), hidden);
  return session;
}

/** payment_intent_data belongs to payment mode and subscription_data to subscription mode, as Stripe insists. */
function modeData(params: Params, mode: 'payment' | 'subscription'): HiddenSession {
  const intentData = params.object('payment_intent_data');
  const subscriptionData = params.object('subscription_data');
  if (intentData && mode !== 'payment') throw invalid('You can not pass `payment_intent_data` in `subscription` mode.', 'payment_intent_data');
  if (subscriptionData && mode !== 'subscription') throw invalid('You can not pass `subscription_data` in `payment` mode.', 'subscription_data');
  return {
    paymentIntentData: intentData && {
      metadata: intentData.metadata(),
      transferGroup: intentData.string('transfer_group') ?? null,
      description: intentData.string('description', { max: 1000 }) ?? null,
    },
    subscriptionData: subscriptionData && { metadata: subscriptionData.metadata(), description: subscriptionData.string('description', { max: 500 }) ?? null },
  };
}

function url(params: Params, key: string): string | null {
  const value = params.string(key, { max: 5000 });
  if (!value) return null;
  try {
    const parsed = new URL(value.replace('{CHECKOUT_SESSION_ID}', 'cs'));
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
  } catch {
    // fall through to Stripe's error
  }
  throw invalid('Not a valid URL', key, 'url_invalid');
}
