import type Stripe from 'stripe';
import { emitChanges } from '../../core/diff.js';
import { invalid, missingParam } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { paginate } from '../../core/list.js';
import type { Params } from '../../core/params.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import type { Scope } from '../../core/scope.js';
import { insertProduct, readProductData } from './products.js';

export interface PriceInput {
  currency: string;
  unitAmount: number;
  product: string;
  recurring: { interval: string; interval_count: number } | null;
  active?: boolean;
  nickname?: string | null;
  lookupKey?: string | null;
  metadata?: Record<string, string>;
  taxBehavior?: Stripe.Price.TaxBehavior | null;
}

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
/** Stripe caps a billing interval at three years. */
const MAX_COUNT: Record<string, number> = { day: 1095, week: 156, month: 36, year: 3 };
const TAX_BEHAVIORS = ['exclusive', 'inclusive', 'unspecified'] as const;
const UPDATABLE = ['active', 'nickname', 'metadata', 'lookup_key', 'transfer_lookup_key', 'tax_behavior'] as const;

/** Prices: create (with a product or inline product_data), retrieve, update, list. */
export function registerPrices(api: ApiRouter): void {
  api.post('/v1/prices', create, [...UPDATABLE, 'currency', 'unit_amount', 'product', 'product_data', 'recurring', 'billing_scheme']);
  api.get('/v1/prices', list, [...LIST_PARAMS, 'active', 'currency', 'lookup_keys', 'product', 'recurring', 'type']);
  api.get('/v1/prices/:id', (ctx) => ctx.state.get<Stripe.Price>('price', ctx.path.id, ctx.account));
  api.post('/v1/prices/:id', update, UPDATABLE);
}

export function insertPrice(scope: Scope, input: PriceInput): Stripe.Price {
  const price: Stripe.Price = {
    id: newId('price'),
    object: 'price',
    active: input.active ?? true,
    billing_scheme: 'per_unit',
    created: scope.state.now(),
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookupKey ?? null,
    metadata: input.metadata ?? {},
    nickname: input.nickname ?? null,
    product: input.product,
    recurring: input.recurring && { ...input.recurring, meter: null, trial_period_days: null, usage_type: 'licensed' },
    tax_behavior: input.taxBehavior ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: input.recurring ? 'recurring' : 'one_time',
    unit_amount: input.unitAmount,
    unit_amount_decimal: decimal(input.unitAmount),
  };
  scope.state.insert(price, scope.account);
  scope.emit('price.created', price);
  return price;
}

/** A decimal field as it travels on the wire (a string); the SDK types it as its Decimal class. */
export function decimal(value: number): Stripe.Decimal {
  return String(value) as unknown as Stripe.Decimal;
}

/** `recurring[interval]` and `recurring[interval_count]` of a price or of inline price_data; null when absent. */
export function readRecurring(params: Params): PriceInput['recurring'] {
  const recurring = params.object('recurring');
  if (!recurring) return null;
  const interval = recurring.string('interval', { required: true, oneOf: INTERVALS });
  const count = recurring.integer('interval_count', { min: 1 }) ?? 1;
  if (count > MAX_COUNT[interval]) {
    throw invalid(`Invalid ${recurring.name('interval_count')}: the maximum billing interval is 3 years (${MAX_COUNT[interval]} ${interval}s).`, recurring.name('interval_count'));
  }
  return { interval, interval_count: count };
}

/** A price described inline, validated but not yet created (so a request refused later creates nothing). */
export interface InlinePrice {
  currency: string;
  unitAmount: number;
  recurring: PriceInput['recurring'];
  /** Creates it, with its product_data's product; Stripe makes inline prices inactive so they are not reused. */
  insert(): Stripe.Price;
}

/** Inline `price_data` (Checkout line items): currency, unit_amount, recurring, and a `product` id or `product_data`. */
export function readInlinePrice(scope: Scope, params: Params): InlinePrice {
  const input = { currency: params.currency(), unitAmount: unitAmount(params), recurring: readRecurring(params), taxBehavior: taxBehavior(params) };
  const product = readProduct(scope, params);
  return { ...input, insert: () => insertPrice(scope, { ...input, product: product(), active: false }) };
}

function create(ctx: RequestContext): Stripe.Price {
  const { params } = ctx;
  const currency = params.currency();
  params.string('billing_scheme', { oneOf: ['per_unit'] });
  const input = { currency, unitAmount: unitAmount(params), recurring: readRecurring(params), taxBehavior: taxBehavior(params) };
  const product = readProduct(ctx, params);
  const lookupKey = params.string('lookup_key', { max: 200 }) ?? null;
  const rest = { active: params.boolean('active') ?? true, nickname: params.string('nickname') ?? null, metadata: params.metadata() };
  if (lookupKey) claimLookupKey(ctx, lookupKey, params.boolean('transfer_lookup_key') ?? false);
  return insertPrice(ctx, { ...input, ...rest, product: product(), lookupKey });
}

function update(ctx: RequestContext): Stripe.Price {
  const { params, state } = ctx;
  const price = state.get<Stripe.Price>('price', ctx.path.id, ctx.account);
  const before = structuredClone(price);
  if (params.has('active')) price.active = params.boolean('active') ?? price.active;
  if (params.has('nickname')) price.nickname = params.string('nickname') ?? null;
  if (params.has('lookup_key')) {
    const lookupKey = params.string('lookup_key', { max: 200 }) ?? null;
    if (lookupKey && lookupKey !== price.lookup_key) claimLookupKey(ctx, lookupKey, params.boolean('transfer_lookup_key') ?? false);
    price.lookup_key = lookupKey;
  }
  if (params.has('tax_behavior')) {
    const next = taxBehavior(params);
    if (price.tax_behavior !== 'unspecified' && next !== price.tax_behavior) throw invalid('tax_behavior cannot be changed once it is set to exclusive or inclusive.', 'tax_behavior');
    price.tax_behavior = next;
  }
  price.metadata = params.metadata(price.metadata);
  emitChanges(ctx.emit, 'price.updated', before, price);
  return price;
}

function list(ctx: RequestContext) {
  const { params } = ctx;
  const active = params.boolean('active');
  const product = params.string('product');
  const currency = params.string('currency')?.toLowerCase();
  const type = params.string('type', { oneOf: ['one_time', 'recurring'] });
  const lookupKeys = params.strings('lookup_keys');
  const interval = params.object('recurring')?.string('interval', { oneOf: INTERVALS });
  return paginate(
    ctx.state.all<Stripe.Price>(
      'price',
      ctx.account,
      (price) =>
        (active === undefined || price.active === active) &&
        (!product || price.product === product) &&
        (!currency || price.currency === currency) &&
        (!type || price.type === type) &&
        (lookupKeys.length === 0 || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
        (!interval || price.recurring?.interval === interval),
    ),
    params,
    ctx.url,
  );
}

function unitAmount(params: Params): number {
  const amount = params.integer('unit_amount', { min: 0, max: 99_999_999 });
  if (amount === undefined) throw missingParam(params.name('unit_amount'));
  return amount;
}

function taxBehavior(params: Params): Stripe.Price.TaxBehavior {
  return params.string('tax_behavior', { oneOf: TAX_BEHAVIORS }) ?? 'unspecified';
}

/** Checks `product` / `product_data` now; the returned function gives the product id, creating the product_data one. */
function readProduct(scope: Scope, params: Params): () => string {
  const productId = params.string('product');
  const productData = params.object('product_data');
  if (productId && productData) throw invalid(`You may only specify one of these parameters: ${params.name('product')}, ${params.name('product_data')}.`, params.name('product'));
  if (productId) {
    const product = scope.state.get<Stripe.Product>('product', productId, scope.account, params.name('product'));
    return () => product.id;
  }
  if (!productData) throw invalid(`You must specify either \`${params.name('product')}\` or \`${params.name('product_data')}\`.`, params.name('product'), 'parameter_missing');
  const input = readProductData(productData);
  return () => insertProduct(scope, input).id;
}

/** A lookup key names one price at a time; `transfer_lookup_key` moves it from the price that has it. */
function claimLookupKey(ctx: RequestContext, lookupKey: string, transfer: boolean): void {
  const holder = ctx.state.all<Stripe.Price>('price', ctx.account, (price) => price.lookup_key === lookupKey)[0];
  if (!holder) return;
  if (!transfer) throw invalid(`A price (\`${holder.id}\`) already uses that lookup key.`, 'lookup_key', 'lookup_key_already_exists');
  const before = structuredClone(holder);
  holder.lookup_key = null;
  emitChanges(ctx.emit, 'price.updated', before, holder);
}
