import type { AppOptions } from '../../apps/api/src/app.module.js';
import { createTestApp, type TestApp } from './app.js';
import { factories } from './factories.js';

export interface SuiteApp {
  ctx: TestApp;
  make: ReturnType<typeof factories>;
}

/** One app for the whole file: booted in beforeAll, closed in afterAll. Read its fields inside tests. */
export function useTestApp(overrides: Record<string, string> = {}, options: AppOptions = {}): SuiteApp {
  const suite = {} as SuiteApp;
  beforeAll(async () => {
    suite.ctx = await createTestApp(overrides, options);
    suite.make = factories(suite.ctx.app);
  });
  afterAll(() => suite.ctx?.close());
  return suite;
}
