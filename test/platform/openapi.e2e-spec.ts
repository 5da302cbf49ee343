import { readFileSync } from 'node:fs';
import { openApiDocument } from '../../apps/api/src/platform/http/openapi.js';
import { createTestApp, type TestApp } from '../support/app.js';

// The portal's typed client (apps/portal/src/api/schema.d.ts) is generated from the committed
// OpenAPI document; this fails when the API changed and `npm run build:api && npm run openapi` was not run.
describe('the committed OpenAPI document', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('matches the API the code declares', () => {
    const committed = JSON.parse(readFileSync('apps/portal/src/api/openapi.json', 'utf8'));
    expect(JSON.parse(JSON.stringify(openApiDocument(ctx.app)))).toEqual(committed);
  });
});
