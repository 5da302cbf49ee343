import type Stripe from 'stripe';
import { invalid } from '../../core/errors.js';
import { idOf } from '../../core/ids.js';
import { paginate } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { finalizeInvoice } from './invoice-build.js';
import { attemptInvoicePayment, settleInvoice, subscriptionOf } from './invoice-payment.js';
import { billingNow } from './periods.js';
import { attachedPaymentMethod } from './subscription-create.js';

/** Invoices (retrieve, list, lines, pay) and the InvoicePayments that link them to PaymentIntents. */
export function registerInvoices(api: ApiRouter): void {
  api.get('/v1/invoices', list, [...LIST_PARAMS, 'customer', 'subscription', 'status', 'collection_method', 'due_date']);
  api.get('/v1/invoices/:id', (ctx) => ctx.state.get<Stripe.Invoice>('invoice', ctx.path.id, ctx.account));
  api.get('/v1/invoices/:id/lines', (ctx) => paginate(ctx.state.get<Stripe.Invoice>('invoice', ctx.path.id, ctx.account).lines.data, ctx.params, ctx.url), LIST_PARAMS);
  api.post('/v1/invoices/:id/pay', pay, ['payment_method', 'off_session', 'paid_out_of_band', 'forgive', 'mandate', 'source']);
  api.get('/v1/invoice_payments', listPayments, [...LIST_PARAMS, 'invoice', 'payment', 'status']);
  api.get('/v1/invoice_payments/:id', (ctx) => ctx.state.get<Stripe.InvoicePayment>('invoice_payment', ctx.path.id, ctx.account));
}

/** Retries the charge of an open invoice now (off-session unless told otherwise, as in Stripe), or records it paid out of band; a decline is the card error. */
function pay(ctx: RequestContext): Stripe.Invoice {
  const { params, state } = ctx;
  const invoice = state.get<Stripe.Invoice>('invoice', ctx.path.id, ctx.account);
  if (invoice.status === 'paid') throw invalid('Invoice is already paid', undefined, 'invoice_already_paid');
  if (invoice.status === 'void') throw invalid('This invoice has been voided and can no longer be paid.', undefined, 'invoice_not_editable');
  const customer = state.get<Stripe.Customer>('customer', idOf(invoice.customer) ?? '', ctx.account);
  const at = billingNow(ctx, customer);
  const paymentMethod = attachedPaymentMethod(ctx, customer, params.string('payment_method'), 'payment_method');
  if (params.has('source')) throw invalid('The emulator pays invoices with PaymentMethods only; pass payment_method.', 'source');
  if (invoice.status === 'draft') finalizeInvoice(ctx, invoice, at);
  if (params.boolean('paid_out_of_band')) {
    settleInvoice(ctx, invoice, at);
    return invoice;
  }
  const subscription = subscriptionOf(ctx, invoice);
  const fallback = subscription?.default_payment_method ?? customer.invoice_settings.default_payment_method;
  const result = attemptInvoicePayment(ctx, invoice, { paymentMethod: paymentMethod ?? idOf(fallback), offSession: params.boolean('off_session') ?? true, at });
  if (result.error) throw result.error;
  return invoice;
}

function list(ctx: RequestContext) {
  const { params } = ctx;
  const customer = params.string('customer');
  const subscription = params.string('subscription');
  const status = params.string('status', { oneOf: ['draft', 'open', 'paid', 'uncollectible', 'void'] });
  const collection = params.string('collection_method');
  return paginate(
    ctx.state.all<Stripe.Invoice>(
      'invoice',
      ctx.account,
      (invoice) =>
        (!customer || invoice.customer === customer) &&
        (!subscription || invoice.parent?.subscription_details?.subscription === subscription) &&
        (!status || invoice.status === status) &&
        (!collection || invoice.collection_method === collection),
    ),
    params,
    ctx.url,
  );
}

function listPayments(ctx: RequestContext) {
  const { params } = ctx;
  const invoice = params.string('invoice');
  const status = params.string('status', { oneOf: ['canceled', 'open', 'paid'] });
  const payment = params.object('payment');
  const paymentIntent = payment?.string('payment_intent');
  payment?.string('type', { required: true, oneOf: ['payment_intent', 'payment_record'] });
  return paginate(
    ctx.state.all<Stripe.InvoicePayment>(
      'invoice_payment',
      ctx.account,
      (item) => (!invoice || item.invoice === invoice) && (!status || item.status === status) && (!paymentIntent || item.payment.payment_intent === paymentIntent),
    ),
    params,
    ctx.url,
  );
}
