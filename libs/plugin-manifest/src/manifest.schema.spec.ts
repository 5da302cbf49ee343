import { EVENT_NAMES, FUNCTION_NAMES, POINT_PERMISSIONS } from '@guild/extension-points';
import { Ajv } from 'ajv';
import { ENTRY_PATTERN, MANIFEST_SCHEMA, NAME_PATTERN, PLATFORM_LIMITS } from './index.js';

const json = JSON.parse(JSON.stringify(MANIFEST_SCHEMA));

describe('MANIFEST_SCHEMA', () => {
  it('takes its lists of points and permissions from the registry', () => {
    expect(json.properties.events.items.enum).toEqual(EVENT_NAMES);
    expect(json.properties.functions.items.enum).toEqual(FUNCTION_NAMES);
    expect(json.properties.permissions.items.anyOf[1].enum).toEqual(POINT_PERMISSIONS);
    expect(json.properties.limits.properties.memoryMb.maximum).toBe(PLATFORM_LIMITS.memoryMb);
    expect(json.properties.limits.properties.timeoutMs.maximum).toBe(PLATFORM_LIMITS.timeoutMs);
  });

  it('is plain draft-07 JSON Schema that any validator can load (formats aside)', () => {
    expect(json.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(json.required).toEqual(['name', 'version', 'hostApi', 'displayName', 'summary', 'entry']);
    expect(json.additionalProperties).toBe(false);
    const plain = new Ajv({ strict: false, formats: { semver: true, 'semver-range': true } });
    expect(() => plain.compile(json)).not.toThrow();
  });

  it.each([
    ['acme/slack-alerts', true],
    ['abc/xy', true],
    ['a1-b2/c3-d4', true],
    [`${'a'.repeat(39)}/${'b'.repeat(64)}`, true],
    ['ab/slack', false],
    [`${'a'.repeat(40)}/slack`, false],
    ['acme/x', false],
    [`acme/${'b'.repeat(65)}`, false],
    ['Acme/slack', false],
    ['acme/Slack', false],
    ['1acme/slack', false],
    ['acme/-slack', false],
    ['acme/slack-', false],
    ['acme/sl--ack', false],
    ['acme/slack/x', false],
    ['acme', false],
    ['@acme/slack', false],
  ])('name %s → %s', (name, ok) => {
    expect(new RegExp(NAME_PATTERN, 'u').test(name)).toBe(ok);
  });

  it.each([
    ['index.js', true],
    ['dist/index.js', true],
    ['./dist/plugin.bundle.js', true],
    ['dist/index.mjs', false],
    ['dist/index.ts', false],
    ['../index.js', false],
    ['dist/../../index.js', false],
    ['dist/..js', false],
    ['/etc/index.js', false],
    ['C:\\dist\\index.js', false],
    ['dist\\index.js', false],
    ['.hidden/index.js', false],
    ['dist//index.js', false],
    ['.js', false],
  ])('entry %s → %s', (entry, ok) => {
    expect(new RegExp(ENTRY_PATTERN, 'u').test(entry)).toBe(ok);
  });
});
