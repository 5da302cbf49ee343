import { combine, type FunctionInput } from './index.js';

const cart: FunctionInput<'cart.discounts'> = {
  cartId: 'cart_1',
  workspaceId: 'ws_1',
  currency: 'EUR',
  lines: [
    { lineId: 'l1', sku: 'A', quantity: 2, unitAmount: 500, amount: 1000 },
    { lineId: 'l2', sku: 'B', quantity: 1, unitAmount: 300, amount: 300 },
    { lineId: 'l3', sku: 'C', quantity: 1, unitAmount: 0, amount: 0 },
  ],
  subtotal: 1300,
  createdAt: '2025-01-01T00:00:00Z',
};
const line = (lineId: string, amount: number, label = 'promo', currency = 'EUR') => ({ lineId, amount, currency, label });

describe('cart.discounts: the best discount per line, never more than the line', () => {
  it('keeps the largest discount per line across plugins, in cart order', () => {
    const answers = [{ discounts: [line('l2', 30, 'a'), line('l1', 100, 'a')] }, { discounts: [line('l1', 250, 'b'), line('l2', 10, 'b')] }];
    expect(combine('cart.discounts', answers, cart)).toEqual({ discounts: [line('l1', 250, 'b'), line('l2', 30, 'a')] });
  });

  it('caps a discount at the line amount', () => {
    expect(combine('cart.discounts', [{ discounts: [line('l2', 5000)] }], cart)).toEqual({ discounts: [line('l2', 300)] });
  });

  it('lets the earlier install win a tie, also after capping', () => {
    const answers = [{ discounts: [line('l2', 400, 'first')] }, { discounts: [line('l2', 300, 'second')] }];
    expect(combine('cart.discounts', answers, cart)).toEqual({ discounts: [line('l2', 300, 'first')] });
  });

  it('keeps the best of several discounts one plugin gives the same line', () => {
    expect(combine('cart.discounts', [{ discounts: [line('l1', 10), line('l1', 90), line('l1', 50)] }], cart)).toEqual({ discounts: [line('l1', 90)] });
  });

  it('drops unknown lines, other currencies and lines worth nothing', () => {
    const answers = [{ discounts: [line('nope', 10), line('l1', 10, 'usd', 'USD'), line('l3', 10)] }];
    expect(combine('cart.discounts', answers, cart)).toEqual({ discounts: [] });
  });

  it('gives no discounts without answers', () => {
    expect(combine('cart.discounts', [], cart)).toEqual({ discounts: [] });
  });

  it('does not modify the answers', () => {
    const answers = [{ discounts: [line('l2', 5000)] }];
    combine('cart.discounts', answers, cart);
    expect(answers[0].discounts[0].amount).toBe(5000);
  });
});

describe('ticket.classify: the first confident answer, else the most confident, else none', () => {
  const ticket: FunctionInput<'ticket.classify'> = { ticketId: 't1', workspaceId: 'ws_1', subject: 'Help', body: '', tags: [] };
  const answer = (category: string, confidence: number) => ({ category, confidence });

  it('takes the first answer at or above 0.8 in install order, even if a later one is surer', () => {
    const answers = [answer('sales', 0.5), answer('billing', 0.8), answer('bug', 0.99)];
    expect(combine('ticket.classify', answers, ticket)).toEqual(answer('billing', 0.8));
  });

  it('otherwise takes the most confident, the earliest on a tie', () => {
    expect(combine('ticket.classify', [answer('sales', 0.4), answer('bug', 0.79), answer('billing', 0.79)], ticket)).toEqual(answer('bug', 0.79));
  });

  it('answers null without answers', () => {
    expect(combine('ticket.classify', [], ticket)).toBeNull();
  });

  it('still answers when every plugin is unsure', () => {
    expect(combine('ticket.classify', [answer('other', 0)], ticket)).toEqual(answer('other', 0));
  });
});

describe('record.validate: every error from every answer', () => {
  const record: FunctionInput<'record.validate'> = { workspaceId: 'ws_1', recordType: 'customer', operation: 'update', recordId: 'c1', fields: {} };
  const error = (field: string, message: string) => ({ field, message });

  it('gathers errors in install order and lists an identical error once', () => {
    const answers = [
      { errors: [error('email', 'is already used'), error('vat', 'is not a valid VAT number')] },
      { errors: [] },
      { errors: [error('email', 'is already used'), error('email', 'is on the block list')] },
    ];
    expect(combine('record.validate', answers, record)).toEqual({
      errors: [error('email', 'is already used'), error('vat', 'is not a valid VAT number'), error('email', 'is on the block list')],
    });
  });

  it('finds nothing wrong without answers', () => {
    expect(combine('record.validate', [], record)).toEqual({ errors: [] });
  });
});
