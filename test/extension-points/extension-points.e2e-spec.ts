import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_NAMES, FUNCTION_NAMES, HOST_API_VERSION } from '@guild/extension-points';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';

describe('extension point reference', () => {
  const s = useTestApp();

  it('lists every point of the registry with its permission and schemas, to anyone', async () => {
    const response = await call(s.ctx.app, 'GET', '/v1/extension-points');
    expect(response.status).toBe(200);
    expect(response.body.hostApiVersion).toBe(HOST_API_VERSION);
    const names = response.body.points.map((point: { name: string }) => point.name);
    expect(names.sort()).toEqual([...EVENT_NAMES, ...FUNCTION_NAMES].sort());
    const discounts = response.body.points.find((point: { name: string }) => point.name === 'cart.discounts');
    expect(discounts).toMatchObject({ kind: 'function', permission: 'functions:cart.discounts', timeBudgetMs: 300, rule: expect.stringContaining('largest discount') });
    // The schemas served are real JSON Schema: a partner's validator accepts a cart and refuses a bad one.
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(discounts.input);
    expect(validate({ cartId: 'c', workspaceId: 'w', currency: 'EUR', lines: [], subtotal: 0, createdAt: '2026-11-23T10:00:00Z' })).toBe(false);
    expect(validate({ cartId: 'c', workspaceId: 'w', currency: 'EUR', lines: [{ lineId: 'l', sku: 's', quantity: 1, unitAmount: 1, amount: 1 }], subtotal: 1, createdAt: '2026-11-23T10:00:00Z' })).toBe(true);
  });

  it('shows one point, and answers 404 with a code for an unknown one', async () => {
    const paid = await call(s.ctx.app, 'GET', '/v1/extension-points/order.paid');
    expect(paid.body).toMatchObject({ name: 'order.paid', kind: 'event', permission: 'events:order.paid', input: { type: 'object' } });
    expect(paid.body.output).toBeUndefined();
    const unknown = await call(s.ctx.app, 'GET', '/v1/extension-points/__proto__');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('EXTENSION_POINT_NOT_FOUND');
  });

  it('serves the manifest JSON Schema that editors and the CLI validate against', async () => {
    const schema = await call(s.ctx.app, 'GET', '/v1/plugin-manifest/schema');
    expect(schema.status).toBe(200);
    expect(schema.body.properties.events.items.enum).toEqual([...EVENT_NAMES]);
    expect(schema.body.required).toEqual(expect.arrayContaining(['name', 'version', 'hostApi', 'entry']));
  });
});
