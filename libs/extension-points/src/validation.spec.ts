import { EXTENSION_POINTS, validateInput, validateOutput, type ExtensionPointName, type PointInput } from './index.js';

// One realistic payload per point; typed, so a schema change that breaks them fails to compile too.
const SAMPLES: { [N in ExtensionPointName]: PointInput<N> } = {
  'order.paid': {
    orderId: 'ord_9f2',
    workspaceId: 'ws_acme',
    customerId: 'cus_17',
    amount: 12_990,
    currency: 'EUR',
    lineCount: 3,
    paidAt: '2025-03-14T09:26:53.589Z',
  },
  'workspace.member.added': { workspaceId: 'ws_acme', userId: 'usr_42', role: 'member', invitedBy: 'usr_1', addedAt: '2025-03-14T09:26:53Z' },
  'ticket.created': {
    ticketId: 'tkt_501',
    workspaceId: 'ws_acme',
    requesterId: 'cus_17',
    subject: 'Refund for a double charge',
    body: 'I was charged twice for order ord_9f2.',
    priority: 'high',
    tags: ['billing'],
    createdAt: '2025-03-14T09:30:00+01:00',
  },
  'invoice.created': {
    invoiceId: 'inv_88',
    workspaceId: 'ws_acme',
    customerId: 'cus_17',
    number: 'ACME-2025-0088',
    amount: 49_900,
    currency: 'USD',
    dueAt: '2025-04-14T00:00:00Z',
    createdAt: '2025-03-14T00:00:00Z',
  },
  'cart.discounts': {
    cartId: 'cart_3',
    workspaceId: 'ws_acme',
    currency: 'EUR',
    lines: [{ lineId: 'l1', sku: 'TSHIRT-M', quantity: 10, unitAmount: 1500, amount: 15_000 }],
    subtotal: 15_000,
    createdAt: '2025-03-14T09:00:00Z',
  },
  'ticket.classify': { ticketId: 'tkt_501', workspaceId: 'ws_acme', subject: 'Refund', body: 'Charged twice.', tags: [] },
  'record.validate': {
    workspaceId: 'ws_acme',
    recordType: 'customer',
    operation: 'create',
    fields: { email: 'a@example.com', 'address.zip': '1000', vip: true, credit: 0, note: null },
  },
};

describe('validateInput', () => {
  it.each(Object.keys(EXTENSION_POINTS) as ExtensionPointName[])('accepts a realistic %s payload', (name) => {
    expect(validateInput(name, SAMPLES[name])).toEqual({ ok: true, value: SAMPLES[name] });
  });

  it('reports every problem with a JSON Pointer', () => {
    const { orderId: _, ...rest } = SAMPLES['order.paid'];
    const result = validateInput('order.paid', { ...rest, amount: 19.99, currency: 'eur', paidAt: 'yesterday', coupon: 'X' });
    expect(result).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { path: '/orderId', message: 'is required' },
        { path: '/coupon', message: 'is not allowed' },
        { path: '/amount', message: 'must be integer' },
        { path: '/currency', message: expect.stringContaining('must match pattern') },
        { path: '/paidAt', message: 'must be a valid date-time' },
      ]),
    });
    expect(!result.ok && result.errors).toHaveLength(5);
  });

  it.each([
    ['a negative amount', 'order.paid', { ...SAMPLES['order.paid'], amount: -1 }, '/amount'],
    ['an amount beyond exact integers', 'invoice.created', { ...SAMPLES['invoice.created'], amount: 2 ** 53 }, '/amount'],
    ['an unknown role', 'workspace.member.added', { ...SAMPLES['workspace.member.added'], role: 'root' }, '/role'],
    ['an empty id', 'ticket.created', { ...SAMPLES['ticket.created'], ticketId: '' }, '/ticketId'],
    ['an empty cart', 'cart.discounts', { ...SAMPLES['cart.discounts'], lines: [] }, '/lines'],
    ['a nested field value', 'record.validate', { ...SAMPLES['record.validate'], fields: { address: { zip: '1' } } }, '/fields/address'],
    ['a field name with spaces', 'record.validate', { ...SAMPLES['record.validate'], fields: { 'first name': 'A' } }, '/fields/first name'],
  ] as const)('refuses %s', (_why, name, value, path) => {
    const result = validateInput(name, value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.path)).toContain(path);
  });

  it('explains a union by its description rather than by each branch', () => {
    const result = validateInput('record.validate', { ...SAMPLES['record.validate'], fields: { tags: ['a'] } });
    expect(result).toEqual({ ok: false, errors: [{ path: '/fields/tags', message: 'must be a string (at most 10,000 characters), a number, a boolean or null' }] });
  });

  it('refuses non-objects and unknown points without throwing', () => {
    expect(validateInput('order.paid', null).ok).toBe(false);
    expect(validateInput('order.paid', [SAMPLES['order.paid']]).ok).toBe(false);
    expect(validateInput('order.refunded' as ExtensionPointName, {})).toEqual({
      ok: false,
      errors: [{ path: '', message: 'unknown extension point "order.refunded"' }],
    });
  });
});

describe('validateOutput', () => {
  it('accepts well-formed answers', () => {
    expect(validateOutput('cart.discounts', { discounts: [{ lineId: 'l1', amount: 1500, currency: 'EUR', label: '10% off 10+' }] }).ok).toBe(true);
    expect(validateOutput('cart.discounts', { discounts: [] }).ok).toBe(true);
    expect(validateOutput('ticket.classify', { category: 'billing', confidence: 1 }).ok).toBe(true);
    expect(validateOutput('record.validate', { errors: [{ field: 'email', message: 'is already a customer' }] }).ok).toBe(true);
  });

  it.each([
    ['a fractional discount', 'cart.discounts', { discounts: [{ lineId: 'l1', amount: 0.5, currency: 'EUR', label: 'x' }] }],
    ['a zero discount', 'cart.discounts', { discounts: [{ lineId: 'l1', amount: 0, currency: 'EUR', label: 'x' }] }],
    ['an unlabelled discount', 'cart.discounts', { discounts: [{ lineId: 'l1', amount: 1, currency: 'EUR' }] }],
    ['too many discount lines', 'cart.discounts', { discounts: Array.from({ length: 501 }, () => ({ lineId: 'l1', amount: 1, currency: 'EUR', label: 'x' })) }],
    ['a confidence above 1', 'ticket.classify', { category: 'billing', confidence: 1.2 }],
    ['a category with spaces', 'ticket.classify', { category: 'Billing issue', confidence: 0.9 }],
    ['an extra property', 'ticket.classify', { category: 'billing', confidence: 0.9, why: 'because' }],
    ['a huge message', 'record.validate', { errors: [{ field: 'email', message: 'x'.repeat(301) }] }],
    ['a bare array', 'record.validate', []],
    ['undefined', 'record.validate', undefined],
  ] as const)('refuses %s', (_why, name, value) => {
    expect(validateOutput(name, value).ok).toBe(false);
  });

  it('has no output for events', () => {
    expect(validateOutput('order.paid' as never, {}).ok).toBe(false);
  });
});
