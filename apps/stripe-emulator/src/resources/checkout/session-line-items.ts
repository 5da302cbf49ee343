import type Stripe from 'stripe';
import { invalid, missingParam } from '../../core/errors.js';
import { idOf, newId } from '../../core/ids.js';
import type { Params } from '../../core/params.js';
import type { Scope } from '../../core/scope.js';
import { readInlinePrice } from '../billing/prices.js';

const MAX_LINE_ITEMS = 100;

/** A line item validated against the session's mode, its price possibly still to be created from price_data. */
interface LineDraft {
  currency: string;
  unitAmount: number;
  recurring: boolean;
  param: string;
  quantity: number;
  metadata: Record<string, string>;
  price: () => Stripe.Price;
}

/**
 * Checkout's `line_items`: each a `price` (active) or inline `price_data`, and a quantity. Payment
 * mode takes one-time prices only, subscription mode needs at least one recurring price, and all
 * share one currency. Nothing is created unless every line is valid.
 */
export function readLineItems(scope: Scope, params: Params, mode: 'payment' | 'subscription'): Stripe.LineItem[] {
  const entries = params.objects('line_items');
  if (entries.length === 0) throw missingParam('line_items');
  if (entries.length > MAX_LINE_ITEMS) throw invalid(`You may only specify up to ${MAX_LINE_ITEMS} line items.`, 'line_items');
  const drafts = entries.map((entry) => readLine(scope, entry));
  for (const draft of drafts) {
    if (mode === 'payment' && draft.recurring) {
      throw invalid('You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.', draft.param);
    }
    if (draft.currency !== drafts[0].currency) throw invalid('All line items must use the same currency.', draft.param);
  }
  if (mode === 'subscription' && !drafts.some((draft) => draft.recurring)) {
    throw invalid('You must provide at least one recurring price in `subscription` mode when using prices.', 'line_items');
  }
  return drafts.map((draft) => lineItem(scope, draft));
}

function readLine(scope: Scope, entry: Params): LineDraft {
  const priceId = entry.string('price');
  const priceData = entry.object('price_data');
  if (priceId && priceData) throw invalid(`You may only specify one of these parameters: ${entry.name('price')}, ${entry.name('price_data')}.`, entry.name('price'));
  if (!priceId && !priceData) throw invalid(`You must specify either \`${entry.name('price')}\` or \`${entry.name('price_data')}\`.`, entry.name('price'), 'parameter_missing');
  const quantity = entry.integer('quantity', { min: 1, max: 999_999 });
  if (quantity === undefined) throw invalid(`Quantity is required. Add \`quantity\` to \`${entry.name('quantity').replace(/\[quantity\]$/, '')}\``, entry.name('quantity'), 'parameter_missing');
  const metadata = entry.metadata();
  if (priceData) {
    const inline = readInlinePrice(scope, priceData);
    let created: Stripe.Price | undefined;
    const price = () => (created ??= inline.insert());
    return { currency: inline.currency, unitAmount: inline.unitAmount, recurring: inline.recurring !== null, param: entry.name('price_data'), quantity, metadata, price };
  }
  const price = scope.state.get<Stripe.Price>('price', priceId!, scope.account, entry.name('price'));
  if (!price.active) throw invalid('The price specified is inactive. This field only accepts active prices.', entry.name('price'));
  if (price.unit_amount === null) throw invalid('The emulator supports prices with a unit_amount only.', entry.name('price'));
  return { currency: price.currency, unitAmount: price.unit_amount, recurring: price.type === 'recurring', param: entry.name('price'), quantity, metadata, price: () => price };
}

function lineItem(scope: Scope, draft: LineDraft): Stripe.LineItem {
  const price = structuredClone(draft.price());
  const product = scope.state.find<Stripe.Product>(idOf(price.product), scope.account);
  const amount = draft.unitAmount * draft.quantity;
  return {
    id: newId('li'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: draft.currency,
    description: product?.name ?? null,
    metadata: draft.metadata,
    price,
    quantity: draft.quantity,
  };
}
