import { jest } from '@jest/globals';
import { HOST_API_VERSION } from '@guild/extension-points';
import { DEFAULT_LIMITS, MAX_MANIFEST_BYTES, parseManifest, type Manifest, type ManifestErrorCode } from './index.js';

// A manifest that passes every check, to vary one field at a time.
function goodManifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'acme/slack-alerts',
    version: '1.2.0',
    hostApi: '^1.0.0',
    displayName: 'Slack alerts',
    summary: 'Posts paid orders and new tickets to a Slack channel.',
    entry: 'dist/index.js',
    events: ['order.paid', 'ticket.created'],
    permissions: ['events:order.paid', 'events:ticket.created', 'http:hooks.slack.com'],
    settings: {
      type: 'object',
      properties: {
        webhookUrl: { type: 'string', format: 'uri', title: 'Webhook URL', secret: true },
        channel: { type: 'string', default: '#sales' },
      },
      required: ['webhookUrl'],
      additionalProperties: false,
    },
    limits: { memoryMb: 32, timeoutMs: 2000 },
    ...overrides,
  };
}

function errorsOf(input: unknown): { path: string; code: ManifestErrorCode; message: string }[] {
  const result = parseManifest(input);
  if (result.ok) throw new Error('expected the manifest to be refused');
  return result.errors;
}

describe('parseManifest: a good manifest', () => {
  it('accepts it as text or as a value, filling in defaults', () => {
    const text = JSON.stringify(goodManifest({ functions: undefined }));
    const result = parseManifest(`\uFEFF${text}`);
    expect(result).toEqual({ ok: true, manifest: { ...JSON.parse(text), functions: [] } });
    expect(parseManifest(goodManifest())).toEqual(parseManifest(text));
  });

  it('fills in lists, empty settings and the default limits', () => {
    const minimal = { name: 'acme/noop', version: '0.0.1', hostApi: '1.x', displayName: 'N', summary: 'S', entry: 'i.js', functions: ['ticket.classify'], permissions: ['functions:ticket.classify'] };
    const result = parseManifest(minimal);
    expect(result.ok).toBe(true);
    const manifest = (result as { manifest: Manifest }).manifest;
    expect(manifest).toMatchObject({ events: [], permissions: ['functions:ticket.classify'], limits: DEFAULT_LIMITS });
    expect(manifest.settings).toEqual({ type: 'object', properties: {}, additionalProperties: false });
    expect(parseManifest({ ...minimal, limits: { timeoutMs: 4000 } })).toMatchObject({ manifest: { limits: { memoryMb: 64, timeoutMs: 4000 } } });
  });

  it('accepts storage, wildcard hosts, $schema and the platform maximums', () => {
    const result = parseManifest(
      goodManifest({
        $schema: 'https://guild.dev/schemas/guild-plugin.json',
        permissions: ['events:order.paid', 'events:ticket.created', 'storage', 'http:*.slack.com'],
        limits: { memoryMb: 128, timeoutMs: 5000 },
      }),
    );
    expect(result.ok).toBe(true);
  });
});

describe('parseManifest: the schema', () => {
  it.each([
    ['a missing name', { name: undefined }, '/name', 'is required'],
    ['a name without namespace', { name: 'slack-alerts' }, '/name', 'must be namespace/slug'],
    ['a short namespace', { name: 'ac/slack-alerts' }, '/name', 'must be namespace/slug'],
    ['a prefixed version', { version: 'v1.2.0' }, '/version', 'must be a semantic version'],
    ['a partial version', { version: '1.2' }, '/version', 'must be a semantic version'],
    ['build metadata', { version: '1.2.0+sha.5114f85' }, '/version', 'must be a semantic version'],
    ['a hostApi that is no range', { hostApi: 'latest' }, '/hostApi', 'must be a semver range'],
    ['an empty hostApi', { hostApi: '' }, '/hostApi', 'must NOT have fewer than 1 characters'],
    ['a multi-line display name', { displayName: 'Slack\nalerts' }, '/displayName', 'one line'],
    ['a padded display name', { displayName: ' Slack ' }, '/displayName', 'one line'],
    ['a long summary', { summary: 'x'.repeat(141) }, '/summary', 'must NOT have more than 140 characters'],
    ['an absolute entry', { entry: '/srv/index.js' }, '/entry', 'relative path'],
    ['a traversing entry', { entry: '../index.js' }, '/entry', 'relative path'],
    ['a TypeScript entry', { entry: 'src/index.ts' }, '/entry', 'relative path'],
    ['an unknown event', { events: ['order.refunded'] }, '/events/0', 'must be one of: order.paid, workspace.member.added'],
    ['a function listed as an event', { events: ['cart.discounts'] }, '/events/0', 'must be one of'],
    ['a repeated event', { events: ['order.paid', 'order.paid'] }, '/events', 'duplicate'],
    ['settings that are not an object schema', { settings: { type: 'string' } }, '/settings/type', 'must be equal to constant'],
    ['a setting key with a dash', { settings: { type: 'object', properties: { 'api-key': { type: 'string' } } } }, '/settings/properties', 'property name'],
    ['an unknown limit', { limits: { cpus: 2 } }, '/limits/cpus', 'is not allowed'],
    ['a fractional limit', { limits: { memoryMb: 32.5 } }, '/limits/memoryMb', 'must be integer'],
    ['a tiny memory limit', { limits: { memoryMb: 1 } }, '/limits/memoryMb', 'must be >= 8'],
    ['an unknown field', { scripts: { postinstall: 'rm -rf /' } }, '/scripts', 'is not allowed'],
  ])('refuses %s', (_why, overrides, path, message) => {
    expect(errorsOf(goodManifest(overrides))).toContainEqual({ path, code: 'MANIFEST_SCHEMA', message: expect.stringContaining(message) });
  });

  it.each([
    ['an unknown permission', 'files:read'],
    ['an IP host', 'http:169.254.169.254'],
    ['a host with a port', 'http:hooks.slack.com:443'],
    ['a bare wildcard host', 'http:*'],
  ])('refuses %s as a permission the host API does not know', (_why, permission) => {
    expect(errorsOf(goodManifest({ permissions: ['events:order.paid', 'events:ticket.created', permission] }))).toEqual([
      { path: '/permissions/2', code: 'PERMISSION_INVALID', message: expect.stringContaining('must be storage, http:<hostname>') },
    ]);
  });

  it('reports every schema problem at once', () => {
    expect(errorsOf(goodManifest({ name: 'x', version: 'one', entry: 'a.ts' })).map((error) => error.path)).toEqual(['/name', '/version', '/entry']);
  });

  it.each([
    [{ memoryMb: 256 }, '/limits/memoryMb', '256 exceeds the platform maximum of 128'],
    [{ timeoutMs: 60_000 }, '/limits/timeoutMs', '60000 exceeds the platform maximum of 5000'],
  ])('refuses limits above the platform maximums: %j', (limits, path, message) => {
    expect(errorsOf(goodManifest({ limits }))).toEqual([{ path, code: 'LIMIT_EXCEEDED', message }]);
  });
});

describe('parseManifest: rules between fields', () => {
  it('requires the permission of every event and function implemented', () => {
    const errors = errorsOf(goodManifest({ functions: ['cart.discounts'], permissions: ['events:ticket.created', 'http:hooks.slack.com'] }));
    expect(errors).toEqual([
      { path: '/events/0', code: 'PERMISSION_MISSING', message: expect.stringContaining('implements event order.paid but does not ask for the permission "events:order.paid"') },
      { path: '/functions/0', code: 'PERMISSION_MISSING', message: expect.stringContaining('"functions:cart.discounts"') },
    ]);
  });

  it('refuses point permissions for points it does not implement', () => {
    const errors = errorsOf(goodManifest({ permissions: ['events:order.paid', 'events:ticket.created', 'functions:record.validate', 'events:invoice.created'] }));
    expect(errors).toEqual([
      { path: '/permissions/2', code: 'PERMISSION_UNUSED', message: 'asks for "functions:record.validate" but implements no such function; remove it from "permissions"' },
      { path: '/permissions/3', code: 'PERMISSION_UNUSED', message: 'asks for "events:invoice.created" but implements no such event; remove it from "permissions"' },
    ]);
  });

  it('refuses plugins that implement nothing', () => {
    expect(errorsOf(goodManifest({ events: [], permissions: ['storage'] }))).toEqual([{ path: '', code: 'NOTHING_IMPLEMENTED', message: 'implements no event and no function; list at least one in "events" or "functions"' }]);
  });

  it.each(['http:printer.local', 'http:*.corp.internal', 'http:db.localhost'])('refuses %s, a local network name', (permission) => {
    expect(errorsOf(goodManifest({ permissions: ['events:order.paid', 'events:ticket.created', permission] }))).toEqual([
      { path: '/permissions/2', code: 'PERMISSION_INVALID', message: expect.stringContaining('local or private network') },
    ]);
  });

  it.each(['^1.0.0', '1.x', '>=1.0.0 <3.0.0', '^1.4.0', '*', '~1.0.1'])('accepts host API range %s', (hostApi) => {
    expect(parseManifest(goodManifest({ hostApi })).ok).toBe(true);
  });

  it.each([
    ['^2.0.0', 'HOST_API_UNSUPPORTED'],
    ['0.x', 'HOST_API_UNSUPPORTED'],
    ['<1.0.0', 'HOST_API_UNSUPPORTED'],
    ['>2.0.0 <1.0.0', 'HOST_API_UNSATISFIABLE'],
  ])('refuses host API range %s', (hostApi, code) => {
    expect(errorsOf(goodManifest({ hostApi }))).toEqual([{ path: '/hostApi', code, message: expect.stringContaining(hostApi) }]);
  });

  it('names the host version when the range misses it', () => {
    expect(errorsOf(goodManifest({ hostApi: '^2.0.0' }))[0].message).toContain(`this host is ${HOST_API_VERSION}`);
  });

  it('refuses settings schemas that do not compile, with the reason', () => {
    expect(errorsOf(goodManifest({ settings: { type: 'object', properties: { pin: { type: 'number', secret: true } } } }))).toEqual([
      { path: '/settings', code: 'SETTINGS_SCHEMA_INVALID', message: expect.stringContaining('only string properties may be secret') },
    ]);
    expect(errorsOf(goodManifest({ settings: { type: 'object', properties: { a: { type: 'string', pattern: '(' } } } }))).toEqual([
      { path: '/settings', code: 'SETTINGS_SCHEMA_INVALID', message: expect.stringContaining('is not a usable JSON Schema') },
    ]);
  });

  it('reports every rule broken at once', () => {
    const errors = errorsOf(goodManifest({ hostApi: '^2.0.0', permissions: ['events:order.paid'], settings: { type: 'object', nope: 1 } }));
    expect(errors.map((error) => error.code)).toEqual(['HOST_API_UNSUPPORTED', 'PERMISSION_MISSING', 'SETTINGS_SCHEMA_INVALID']);
  });
});

describe('parseManifest: hostile input', () => {
  it('refuses more than 64 KB before parsing', () => {
    const parse = jest.spyOn(JSON, 'parse');
    const huge = JSON.stringify(goodManifest({ summary: 'x'.repeat(MAX_MANIFEST_BYTES) }));
    expect(errorsOf(huge)).toEqual([{ path: '', code: 'MANIFEST_TOO_LARGE', message: 'is larger than 64 KB' }]);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('counts bytes, not characters', () => {
    const text = JSON.stringify(goodManifest({ displayName: '€'.repeat(22_000) }));
    expect(text.length).toBeLessThan(MAX_MANIFEST_BYTES);
    expect(errorsOf(text)[0].code).toBe('MANIFEST_TOO_LARGE');
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(errorsOf(`{"name":${deep}}`)[0].code).toBe('MANIFEST_TOO_DEEP');
    let settings: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) settings = { type: 'object', properties: { a: settings } };
    expect(errorsOf(goodManifest({ settings }))[0]).toMatchObject({ code: 'MANIFEST_TOO_DEEP', message: 'nests deeper than 32 levels' });
  });

  it('refuses __proto__ keys anywhere, and pollutes nothing', () => {
    const text = JSON.stringify(goodManifest()).replace('"settings":{', '"settings":{"__proto__":{"polluted":true},');
    expect(errorsOf(text)).toEqual([{ path: '/settings/__proto__', code: 'MANIFEST_FORBIDDEN_KEY', message: 'the key "__proto__" is not allowed' }]);
    expect(errorsOf('{"__proto__":{"isAdmin":true}}')[0].code).toBe('MANIFEST_FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses NUL characters in any string or key (PostgreSQL cannot store them)', () => {
    const settings = { type: 'object', properties: { label: { type: 'string', title: 'Label\u0000' } }, additionalProperties: false };
    expect(errorsOf(goodManifest({ settings }))).toEqual([{ path: '/settings/properties/label/title', code: 'MANIFEST_SCHEMA', message: 'holds a NUL character (\\u0000); remove it' }]);
    expect(errorsOf(goodManifest({ settings: { type: 'object', properties: { 'a\u0000': { type: 'string' } } } }))[0]).toMatchObject({ code: 'MANIFEST_SCHEMA', message: expect.stringContaining('NUL') });
  });

  it.each([['null'], ['[]'], ['"acme/x"'], ['42'], ['true']])('refuses the non-object root %s', (text) => {
    expect(errorsOf(text)).toEqual([{ path: '', code: 'MANIFEST_NOT_OBJECT', message: 'must be a JSON object' }]);
  });

  it.each([[''], ['{'], ['{"name": "a",}'], ["{'name': 'a'}"], ['{"a":1} trailing']])('refuses the broken JSON %j', (text) => {
    expect(errorsOf(text)[0]).toMatchObject({ path: '', code: 'MANIFEST_INVALID_JSON', message: expect.stringContaining('is not valid JSON') });
  });

  it('refuses values that are not JSON data', () => {
    const cyclic: Record<string, unknown> = goodManifest();
    cyclic.self = cyclic;
    expect(errorsOf(cyclic)[0].code).toBe('MANIFEST_INVALID_JSON');
    expect(errorsOf({ size: 1n })[0].code).toBe('MANIFEST_INVALID_JSON');
    expect(errorsOf(undefined)[0].code).toBe('MANIFEST_INVALID_JSON');
  });

  it('returns a copy the caller cannot change behind its back', () => {
    const input = goodManifest();
    const result = parseManifest(input);
    (input.events as string[]).push('invoice.created');
    expect(result.ok && result.manifest.events).toEqual(['order.paid', 'ticket.created']);
  });
});

describe('the README', () => {
  it('shows a manifest that passes', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(parseManifest(example)).toMatchObject({ ok: true, manifest: { name: 'acme/slack-alerts' } });
  });
});
