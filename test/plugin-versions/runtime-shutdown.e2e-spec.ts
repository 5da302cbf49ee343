import { PluginRuntime } from '@guild/plugin-runtime';
import { createTestApp } from '../support/app.js';
import { pluginVersion, WELL_BEHAVED } from '../support/plugins.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the API's plugin runtime", () => {
  it('starts its sandbox worker on first use and stops it when the app closes', async () => {
    const test = await createTestApp();
    let pid: number | null;
    try {
      const runtime = test.app.get(PluginRuntime);
      expect(runtime.workers()).toEqual([{ pid: null, inFlight: 0 }]);
      expect(await runtime.inspect(pluginVersion(WELL_BEHAVED))).toMatchObject({ ok: true, functions: ['cart.discounts'] });
      pid = runtime.workers()[0].pid;
      expect(pid).toEqual(expect.any(Number));
    } finally {
      await test.close();
    }
    expect(alive(pid!)).toBe(false);
  }, 60_000);
});
