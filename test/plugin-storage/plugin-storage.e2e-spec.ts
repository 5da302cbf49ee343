import { randomUUID } from 'node:crypto';
import { PluginRuntime, STORAGE_QUOTA, type StorageQuota } from '@guild/plugin-runtime';
import { DataSource } from 'typeorm';
import { PostgresPluginStorage } from '../../apps/api/src/plugin-storage/postgres-plugin-storage.js';
import { cart, install, pluginVersion } from '../support/plugins.js';
import { useTestApp } from '../support/suite.js';

const QUOTA: StorageQuota = { ...STORAGE_QUOTA };

describe('plugin storage in PostgreSQL', () => {
  const s = useTestApp();
  const storage = () => s.ctx.app.get(PostgresPluginStorage);
  const query = <T>(sql: string, params: unknown[]) => s.ctx.app.get(DataSource).query<T>(sql, params);
  const rows = async (scope: string) => (await query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM plugin_storage_entries WHERE scope = $1`, [scope]))[0].n;
  const usage = async (scope: string) => (await query<Array<{ keys: number; bytes: number }>>(`SELECT keys, bytes FROM plugin_storage_usage WHERE scope = $1`, [scope]))[0];

  it('gets, sets, overwrites and deletes JSON text, keeping the usage row in step', async () => {
    const scope = randomUUID();
    expect(await storage().get(scope, 'missing')).toBeUndefined();
    await storage().set(scope, 'a', '{"id":"cart_1", "n": 1}', QUOTA);
    expect(await storage().get(scope, 'a')).toBe('{"id":"cart_1", "n": 1}');
    await storage().set(scope, 'a', '"x"', QUOTA);
    await storage().set(scope, 'b', '[1,2]', QUOTA);
    expect(await storage().get(scope, 'a')).toBe('"x"');
    expect(await usage(scope)).toEqual({ keys: 2, bytes: 'a"x"'.length + 'b[1,2]'.length });
    expect(await storage().delete(scope, 'a')).toBe(true);
    expect(await storage().delete(scope, 'a')).toBe(false);
    expect(await storage().delete(randomUUID(), 'a')).toBe(false);
    expect(await storage().get(scope, 'a')).toBeUndefined();
    expect(await usage(scope)).toEqual({ keys: 1, bytes: 'b[1,2]'.length });
  });

  it('keeps scopes apart', async () => {
    const [one, two] = [randomUUID(), randomUUID()];
    await storage().set(one, 'k', '1', QUOTA);
    await storage().set(two, 'k', '2', QUOTA);
    expect([await storage().get(one, 'k'), await storage().get(two, 'k')]).toEqual(['1', '2']);
    await storage().delete(one, 'k');
    expect([await storage().get(one, 'k'), await storage().get(two, 'k')]).toEqual([undefined, '2']);
    expect(await storage().list(two, { limit: 10 })).toEqual({ keys: ['k'] });
  });

  it('lists by prefix in key order, treating % and _ as plain characters, page by page', async () => {
    const scope = randomUUID();
    for (const key of ['a%b', 'a_c', 'aXb', 'abc', 'a%', 'b', 'a']) await storage().set(scope, key, '0', QUOTA);
    expect(await storage().list(scope, { prefix: 'a%', limit: 10 })).toEqual({ keys: ['a%', 'a%b'] });
    expect(await storage().list(scope, { prefix: 'a_', limit: 10 })).toEqual({ keys: ['a_c'] });
    // Byte order, as MemoryStorage sorts: upper case before `_` before lower case.
    const first = await storage().list(scope, { prefix: 'a', limit: 3 });
    expect(first).toEqual({ keys: ['a', 'a%', 'a%b'], next: 'a%b' });
    const second = await storage().list(scope, { prefix: 'a', after: first.next, limit: 3 });
    expect(second).toEqual({ keys: ['aXb', 'a_c', 'abc'] });
    expect(await storage().list(scope, { limit: 7 })).toEqual({ keys: ['a', 'a%', 'a%b', 'aXb', 'a_c', 'abc', 'b'] });
    expect(await storage().list(scope, { prefix: 'z', limit: 5 })).toEqual({ keys: [] });
  });

  it('refuses a value too big, a key too many, and bytes over the total; an overwrite counts only the new size', async () => {
    const scope = randomUUID();
    const quota: StorageQuota = { maxKeys: 2, maxKeyLength: 200, maxValueBytes: 10, maxTotalBytes: 20 };
    await expect(storage().set(scope, 'big', '"0123456789"', quota)).rejects.toMatchObject({ name: 'StorageError', code: 'STORAGE_QUOTA_EXCEEDED', message: 'storage value for "big" is larger than 10 bytes' });
    await storage().set(scope, 'k1', '12345678', quota); // 10 bytes
    await storage().set(scope, 'k1', '12345678', quota); // overwrite: still 10, not 20
    await storage().set(scope, 'k2', '123456', quota); // 8 bytes, 18 in all
    await expect(storage().set(scope, 'k3', '1', quota)).rejects.toMatchObject({ code: 'STORAGE_QUOTA_EXCEEDED', message: 'storage holds at most 2 keys per install' });
    await expect(storage().set(scope, 'k2', '123456789', quota)).rejects.toMatchObject({ code: 'STORAGE_QUOTA_EXCEEDED', message: 'storage holds at most 20 bytes per install' });
    await storage().set(scope, 'k2', '12345', quota); // shrinking is fine
    expect(await usage(scope)).toEqual({ keys: 2, bytes: 17 });
    await expect(storage().increment(scope, 'k3', 1, quota)).rejects.toMatchObject({ code: 'STORAGE_QUOTA_EXCEEDED' });
    expect(await rows(scope)).toBe(2);
  });

  it('increments numbers, counting a missing key as 0, and refuses anything else', async () => {
    const scope = randomUUID();
    expect(await storage().increment(scope, 'n', 2, QUOTA)).toBe(2);
    expect(await storage().increment(scope, 'n', -0.5, QUOTA)).toBe(1.5);
    expect(await storage().get(scope, 'n')).toBe('1.5');
    await storage().set(scope, 's', '"text"', QUOTA);
    await expect(storage().increment(scope, 's', 1, QUOTA)).rejects.toMatchObject({ code: 'STORAGE_NOT_A_NUMBER', message: 'storage key "s" does not hold a number' });
  });

  it('loses no update when 20 increments of one key race', async () => {
    const scope = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => storage().increment(scope, 'hits', 1, QUOTA)));
    expect(results.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await storage().get(scope, 'hits')).toBe('20');
  });

  it('never exceeds maxKeys when 20 sets of distinct keys race', async () => {
    const scope = randomUUID();
    const quota = { ...QUOTA, maxKeys: 5 };
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => storage().set(scope, `key-${i}`, String(i), quota)));
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = settled.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'STORAGE_QUOTA_EXCEEDED' });
    expect(await rows(scope)).toBe(5);
    expect((await usage(scope)).keys).toBe(5);
  });

  describe('behind the plugin runtime', () => {
    let runtime: PluginRuntime;
    beforeAll(() => {
      runtime = new PluginRuntime({ workers: 1, storage: storage() });
    });
    afterAll(() => runtime.stop());

    it('keeps a counter a plugin increments', async () => {
      const plugin = pluginVersion(
        `export default { functions: { 'cart.discounts': async (cart, ctx) => { await ctx.storage.increment('carts'); return { discounts: [] }; } } };`,
        { permissions: ['functions:cart.discounts', 'storage'] },
      );
      const scope = randomUUID();
      for (let i = 0; i < 3; i += 1) {
        const record = await runtime.invoke(plugin, install(scope), 'cart.discounts', cart());
        expect(record.outcome).toBe('ok');
      }
      expect(await query<Array<{ value: string }>>(`SELECT value FROM plugin_storage_entries WHERE scope = $1 AND key = 'carts'`, [scope])).toEqual([{ value: '3' }]);
    });
  });
});
