import type { FunctionInput, EventInput } from '@guild/extension-points';
import { parseManifest, type ManifestDocument } from '@guild/plugin-manifest';
import type { PluginVersion } from '@guild/plugin-runtime';

/** A plugin version from inline ES module source; the manifest defaults to one `cart.discounts` function. */
export function pluginVersion(code: string, manifest: Partial<ManifestDocument> = {}): PluginVersion {
  const parsed = parseManifest({
    name: 'acme/test-plugin',
    version: '1.0.0',
    hostApi: '^1.0.0',
    displayName: 'Test plugin',
    summary: 'A plugin written inside a test.',
    entry: 'dist/index.js',
    functions: ['cart.discounts'],
    permissions: ['functions:cart.discounts'],
    ...manifest,
  });
  if (!parsed.ok) throw new Error(`test manifest is invalid: ${JSON.stringify(parsed.errors)}`);
  return { manifest: parsed.manifest, code };
}

export const install = (id = 'install-1', settings: Record<string, unknown> = {}) => ({ id, settings });

export function cart(overrides: Partial<FunctionInput<'cart.discounts'>> = {}): FunctionInput<'cart.discounts'> {
  return {
    cartId: 'cart_1',
    workspaceId: 'ws_1',
    currency: 'EUR',
    lines: [
      { lineId: 'line_1', sku: 'SEAT-PRO', quantity: 12, unitAmount: 1000, amount: 12000 },
      { lineId: 'line_2', sku: 'ADDON', quantity: 1, unitAmount: 500, amount: 500 },
    ],
    subtotal: 12500,
    createdAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

export function orderPaid(overrides: Partial<EventInput<'order.paid'>> = {}): EventInput<'order.paid'> {
  return {
    orderId: 'order_1',
    workspaceId: 'ws_1',
    customerId: 'cus_1',
    amount: 4900,
    currency: 'EUR',
    lineCount: 1,
    paidAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

/** A well-behaved answer to `cart.discounts`: 1.00 off the first line. */
export const WELL_BEHAVED = `export default { functions: { 'cart.discounts': (cart) => ({
  discounts: [{ lineId: cart.lines[0].lineId, amount: 100, currency: cart.currency, label: 'Fair discount' }],
}) } };`;
