import type Stripe from 'stripe';
import { changed, emitChanges } from '../../core/diff.js';
import { invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { paginate } from '../../core/list.js';
import type { Params } from '../../core/params.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import type { Scope } from '../../core/scope.js';
import { insertPrice, readRecurring } from './prices.js';

export interface ProductInput {
  name: string;
  description?: string | null;
  active?: boolean;
  metadata?: Record<string, string>;
  images?: string[];
}

const WRITABLE = ['name', 'description', 'active', 'metadata', 'images', 'url', 'unit_label', 'statement_descriptor', 'shippable', 'tax_code'] as const;

/** Products: create (optionally with a default price), retrieve, update, list, delete. */
export function registerProducts(api: ApiRouter): void {
  api.post('/v1/products', create, [...WRITABLE, 'id', 'type', 'default_price_data']);
  api.get('/v1/products', list, [...LIST_PARAMS, 'active', 'ids', 'shippable', 'type', 'url']);
  api.get('/v1/products/:id', (ctx) => ctx.state.get<Stripe.Product>('product', ctx.path.id, ctx.account));
  api.post('/v1/products/:id', update, [...WRITABLE, 'default_price']);
  api.delete('/v1/products/:id', remove);
}

/** Inserts a product and emits product.created (also for inline `product_data`). */
export function insertProduct(scope: Scope, input: ProductInput & { id?: string; url?: string | null; unitLabel?: string | null }): Stripe.Product {
  const now = scope.state.now();
  const product: Stripe.Product = {
    id: input.id ?? newId('prod', 14),
    object: 'product',
    active: input.active ?? true,
    created: now,
    default_price: null,
    description: input.description ?? null,
    images: input.images ?? [],
    livemode: false,
    marketing_features: [],
    metadata: input.metadata ?? {},
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: input.unitLabel ?? null,
    updated: now,
    url: input.url ?? null,
  };
  scope.state.insert(product, scope.account);
  scope.emit('product.created', product);
  return product;
}

/** `product_data` of prices and Checkout line items: a name, and optionally description, images, metadata. */
export function readProductData(params: Params): ProductInput {
  return {
    name: params.string('name', { required: true }),
    description: params.string('description') ?? null,
    active: params.boolean('active'),
    images: params.strings('images'),
    metadata: params.metadata(),
  };
}

function create(ctx: RequestContext): Stripe.Product {
  const { params } = ctx;
  const id = params.string('id');
  if (id && ctx.state.find(id, ctx.account)) throw invalid(`Product already exists.`, 'id', 'resource_already_exists');
  const images = params.strings('images');
  if (images.length > 8) throw invalid('You can only have up to 8 images.', 'images');
  const priceData = params.object('default_price_data');
  const priceInput = priceData && { currency: priceData.currency(), unitAmount: priceData.integer('unit_amount', { required: true, min: 0 }), recurring: readRecurring(priceData) };
  const product = insertProduct(ctx, { ...readProductData(params), images, id, url: params.string('url') ?? null, unitLabel: params.string('unit_label') ?? null });
  if (priceInput && priceData) {
    const price = insertPrice(ctx, { ...priceInput, product: product.id, metadata: priceData.metadata() });
    const before = structuredClone(product);
    product.default_price = price.id;
    emitChanges(ctx.emit, 'product.updated', before, product);
  }
  return product;
}

function update(ctx: RequestContext): Stripe.Product {
  const { params, state } = ctx;
  const product = state.get<Stripe.Product>('product', ctx.path.id, ctx.account);
  const before = structuredClone(product);
  if (params.has('name')) product.name = params.string('name', { required: true });
  if (params.has('description')) product.description = params.string('description') ?? null;
  if (params.has('active')) product.active = params.boolean('active') ?? product.active;
  if (params.has('images')) product.images = params.strings('images');
  if (params.has('url')) product.url = params.string('url') ?? null;
  if (params.has('unit_label')) product.unit_label = params.string('unit_label') ?? null;
  if (params.has('default_price')) {
    const priceId = params.string('default_price');
    if (priceId) {
      const price = state.get<Stripe.Price>('price', priceId, ctx.account, 'default_price');
      if (price.product !== product.id) throw invalid(`The price ${priceId} does not belong to product ${product.id}.`, 'default_price');
      if (!price.active) throw invalid('The default price must be active.', 'default_price');
    }
    product.default_price = priceId ?? null;
  }
  product.metadata = params.metadata(product.metadata);
  if (Object.keys(changed(before, product)).length > 0) product.updated = state.now();
  emitChanges(ctx.emit, 'product.updated', before, product);
  return product;
}

function list(ctx: RequestContext) {
  const { params } = ctx;
  const active = params.boolean('active');
  const shippable = params.boolean('shippable');
  const ids = params.strings('ids');
  const url = params.string('url');
  const type = params.string('type', { oneOf: ['good', 'service'] });
  return paginate(
    ctx.state.all<Stripe.Product>(
      'product',
      ctx.account,
      (product) =>
        (active === undefined || product.active === active) &&
        (shippable === undefined || product.shippable === shippable) &&
        (ids.length === 0 || ids.includes(product.id)) &&
        (!url || product.url === url) &&
        (!type || product.type === type),
    ),
    params,
    ctx.url,
  );
}

function remove(ctx: RequestContext): Stripe.DeletedProduct {
  const product = ctx.state.get<Stripe.Product>('product', ctx.path.id, ctx.account);
  if (ctx.state.all<Stripe.Price>('price', ctx.account, (price) => price.product === product.id).length > 0) {
    throw invalid('This product cannot be deleted because it has one or more user-created prices.', undefined, 'product_has_prices');
  }
  ctx.state.remove(product.id);
  const deleted: Stripe.DeletedProduct = { id: product.id, object: 'product', deleted: true };
  ctx.emit('product.deleted', product);
  return deleted;
}
