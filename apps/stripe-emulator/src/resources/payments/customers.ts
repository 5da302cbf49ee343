import type Stripe from 'stripe';
import { invalid } from '../../core/errors.js';
import { emitChanges } from '../../core/diff.js';
import { newId } from '../../core/ids.js';
import { fieldsEqual, listOf } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';

const WRITABLE = ['email', 'name', 'description', 'phone', 'metadata', 'invoice_settings', 'preferred_locales'] as const;

/** Customers: create, retrieve, update, delete, list (filter by email or test clock). */
export function registerCustomers(api: ApiRouter): void {
  api.post('/v1/customers', create, [...WRITABLE, 'test_clock', 'payment_method']);
  api.get('/v1/customers', list, [...LIST_PARAMS, 'email', 'test_clock']);
  api.get('/v1/customers/:id', (ctx) => ctx.state.get<Stripe.Customer>('customer', ctx.path.id, ctx.account));
  api.post('/v1/customers/:id', update, WRITABLE);
  api.delete('/v1/customers/:id', (ctx) => {
    ctx.state.get<Stripe.Customer>('customer', ctx.path.id, ctx.account);
    const deleted: Stripe.DeletedCustomer = { id: ctx.path.id, object: 'customer', deleted: true };
    ctx.state.remove(ctx.path.id);
    ctx.emit('customer.deleted', deleted);
    return deleted;
  });
}

function create(ctx: RequestContext): Stripe.Customer {
  const { params, state } = ctx;
  const testClock = params.string('test_clock');
  if (testClock) state.get('test_helpers.test_clock', testClock, ctx.account, 'test_clock');
  const customer: Stripe.Customer = {
    id: newId('cus', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created: testClock ? state.get<Stripe.TestHelpers.TestClock>('test_helpers.test_clock', testClock, ctx.account).frozen_time : state.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: params.string('description') ?? null,
    email: email(params.string('email')),
    invoice_prefix: newId('', 8).slice(1).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: params.metadata(),
    name: params.string('name') ?? null,
    next_invoice_sequence: 1,
    phone: params.string('phone') ?? null,
    preferred_locales: params.strings('preferred_locales'),
    shipping: null,
    tax_exempt: 'none',
    test_clock: testClock ?? null,
  };
  state.insert(customer, ctx.account);
  ctx.emit('customer.created', customer);
  return customer;
}

function update(ctx: RequestContext): Stripe.Customer {
  const { params, state } = ctx;
  const customer = state.get<Stripe.Customer>('customer', ctx.path.id, ctx.account);
  const before = structuredClone(customer);
  if (params.has('email')) customer.email = email(params.string('email')) ?? null;
  if (params.has('name')) customer.name = params.string('name') ?? null;
  if (params.has('description')) customer.description = params.string('description') ?? null;
  if (params.has('phone')) customer.phone = params.string('phone') ?? null;
  customer.metadata = params.metadata(customer.metadata);
  const settings = params.object('invoice_settings');
  const defaultMethod = settings?.string('default_payment_method');
  if (settings?.has('default_payment_method')) {
    if (defaultMethod) {
      const method = state.get<Stripe.PaymentMethod>('payment_method', defaultMethod, ctx.account, 'invoice_settings[default_payment_method]');
      if (method.customer !== customer.id) throw invalid(`The PaymentMethod ${defaultMethod} is not attached to customer ${customer.id}.`, 'invoice_settings[default_payment_method]');
    }
    customer.invoice_settings.default_payment_method = defaultMethod ?? null;
  }
  emitChanges(ctx.emit, 'customer.updated', before, customer);
  return customer;
}

function list(ctx: RequestContext) {
  return listOf(ctx, 'customer', fieldsEqual<Stripe.Customer>(ctx.params, ['email', 'test_clock']));
}

function email(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.length > 512 || !/^[^\s@]+@[^\s@]+$/.test(value)) throw invalid(`Invalid email address: ${value}`, 'email', 'email_invalid');
  return value;
}
