import { compileSettingsSchema, parseManifest, secretSettingKeys, type SettingsSchema } from './index.js';

describe('compileSettingsSchema', () => {
  it('compiles a form and validates what a buyer fills in', () => {
    const validate = compileSettingsSchema({
      type: 'object',
      properties: { apiKey: { type: 'string', secret: true, minLength: 10 }, region: { type: 'string', enum: ['eu', 'us'] } },
      required: ['apiKey'],
    });
    expect(validate({ apiKey: 'sk_live_1234', region: 'eu' })).toBe(true);
    expect(validate({ region: 'asia' })).toBe(false);
  });

  it.each([
    ['a secret number', { type: 'object', properties: { pin: { type: 'integer', secret: true } } }, 'only string properties may be secret'],
    ['a secret without a type', { type: 'object', properties: { token: { secret: true } } }, 'only string properties may be secret'],
    [
      'a nested secret',
      { type: 'object', properties: { auth: { type: 'object', properties: { token: { type: 'string', secret: true } } } } },
      'only top-level properties may be secret',
    ],
    ['a non-boolean secret', { type: 'object', properties: { token: { type: 'string', secret: 'yes' } } }, 'secret'],
    ['an unknown keyword', { type: 'object', properties: { token: { type: 'string', maxLenght: 3 } } }, 'unknown keyword'],
    ['a wrong type name', { type: 'object', properties: { n: { type: 'int' } } }, 'schema is invalid'],
    ['an unknown format', { type: 'object', properties: { n: { type: 'string', format: 'colour' } } }, 'unknown format'],
    ['a remote $ref', { type: 'object', properties: { n: { $ref: 'https://evil.example/schema.json' } } }, "can't resolve reference"],
    ['an async schema', { type: 'object', $async: true }, 'must not be $async'],
  ])('refuses %s', (_why, schema, reason) => {
    expect(() => compileSettingsSchema(schema as SettingsSchema)).toThrow(reason);
  });

  it('lets schemas reuse an $id across manifests', () => {
    const schema: SettingsSchema = { $id: 'https://acme.example/settings', type: 'object' };
    expect(() => [compileSettingsSchema(schema), compileSettingsSchema(schema)]).not.toThrow();
  });
});

describe('secretSettingKeys', () => {
  it('lists the secret settings of a manifest', () => {
    const result = parseManifest({
      name: 'acme/crm-sync',
      version: '0.1.0',
      hostApi: '^1.0.0',
      displayName: 'CRM sync',
      summary: 'Copies new members to the CRM.',
      entry: 'index.js',
      events: ['workspace.member.added'],
      permissions: ['events:workspace.member.added', 'http:api.crm.example.com'],
      settings: { type: 'object', properties: { apiKey: { type: 'string', secret: true }, listId: { type: 'string' }, token: { type: 'string', secret: true } } },
    });
    expect(result.ok && secretSettingKeys(result.manifest)).toEqual(['apiKey', 'token']);
  });

  it('finds none without settings', () => {
    expect(secretSettingKeys({})).toEqual([]);
    expect(secretSettingKeys({ settings: { type: 'object', properties: { a: { type: 'string', secret: false } } } })).toEqual([]);
  });
});
