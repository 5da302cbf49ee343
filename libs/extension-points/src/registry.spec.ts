import semver from 'semver';
import {
  EVENT_NAMES,
  EXTENSION_POINTS,
  FUNCTION_NAMES,
  HOST_API_VERSION,
  isEventName,
  isFunctionName,
  type EventInput,
  type EventName,
  type FunctionName,
  type FunctionOutput,
  type FunctionResult,
} from './index.js';

describe('EXTENSION_POINTS', () => {
  const points = Object.values(EXTENSION_POINTS);

  it('lists the events and functions of host API 1.0', () => {
    expect(EVENT_NAMES).toEqual(['order.paid', 'workspace.member.added', 'ticket.created', 'invoice.created']);
    expect(FUNCTION_NAMES).toEqual(['cart.discounts', 'ticket.classify', 'record.validate']);
  });

  it('keys every point by its own name and derives its permission from name and kind', () => {
    for (const [key, point] of Object.entries(EXTENSION_POINTS)) {
      expect(point.name).toBe(key);
      expect(point.permission).toBe(`${point.kind}s:${point.name}`);
      expect(point.description.length).toBeGreaterThan(10);
    }
  });

  it('dates every point to a host API version no later than this one', () => {
    for (const point of points) expect(semver.lte(point.since, HOST_API_VERSION)).toBe(true);
  });

  it('gives every function a time budget and a rule, and events no output', () => {
    for (const point of points) {
      if (point.kind === 'function') {
        expect(point.timeBudgetMs).toBeGreaterThan(0);
        expect(point.timeBudgetMs).toBeLessThanOrEqual(5000);
        expect(point.rule).toMatch(/\.$/);
      } else {
        expect(point).not.toHaveProperty('output');
        expect(point).not.toHaveProperty('combine');
      }
    }
  });

  it('closes every payload object: no property a point did not declare', () => {
    const objects: Record<string, unknown>[] = [];
    const collect = (schema: unknown): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const node = schema as Record<string, unknown>;
      if (node.type === 'object') objects.push(node);
      Object.values(node).forEach(collect);
    };
    for (const point of points) collect(point.kind === 'function' ? [point.input, point.output] : point.input);
    expect(objects.length).toBeGreaterThan(points.length);
    for (const object of objects) expect(object.additionalProperties).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(EXTENSION_POINTS)).toBe(true);
    expect(Object.isFrozen(EXTENSION_POINTS['order.paid'])).toBe(true);
  });

  it('tells events from functions', () => {
    expect(isEventName('order.paid')).toBe(true);
    expect(isEventName('cart.discounts')).toBe(false);
    expect(isFunctionName('cart.discounts')).toBe(true);
    expect(isFunctionName('toString')).toBe(false);
    expect(isEventName('__proto__')).toBe(false);
  });

  it('types payloads, answers and results from the same definitions', () => {
    const paid: EventInput<'order.paid'> = {
      orderId: 'ord_1',
      workspaceId: 'ws_1',
      customerId: 'cus_1',
      amount: 1999,
      currency: 'EUR',
      lineCount: 2,
      paidAt: '2025-01-01T10:00:00Z',
    };
    const answer: FunctionOutput<'ticket.classify'> = { category: 'billing', confidence: 0.9 };
    const none: FunctionResult<'ticket.classify'> = null;
    const event: EventName = 'invoice.created';
    const fn: FunctionName = 'record.validate';
    // @ts-expect-error a function is not an event
    const wrong: EventName = 'cart.discounts';
    // @ts-expect-error discount lines need a label
    const unlabelled: FunctionOutput<'cart.discounts'> = { discounts: [{ lineId: 'l1', amount: 1, currency: 'EUR' }] };
    expect([paid, answer, none, event, fn, wrong, unlabelled]).toHaveLength(7);
  });
});
