import { Type, type Static } from '@sinclair/typebox';
import { EVENT_NAMES, FUNCTION_NAMES, HTTP_HOST_PATTERN, POINT_PERMISSIONS, type EventName, type FunctionName, type Permission } from '@guild/extension-points';
import { MINIMUM_LIMITS, PLATFORM_LIMITS } from './limits.js';

const lowerKebab = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
export const NAME_PATTERN = `^(?=[a-z0-9-]{3,39}/)${lowerKebab}/(?=[a-z0-9-]{2,64}$)${lowerKebab}$`;
// Relative, forward slashes, no segment starting with a dot (so no `..`, no hidden files).
export const ENTRY_PATTERN = '^(?!.*\\.\\.)(?:\\./)?(?:[A-Za-z0-9_][A-Za-z0-9._-]*/)*[A-Za-z0-9_][A-Za-z0-9._-]*\\.js$';
export const SETTING_KEY_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,63}$';
// One line of visible text: no control characters, no surrounding spaces.
const LINE_PATTERN = '^[^\\s\\p{Cc}](?:[^\\p{Cc}]*[^\\s\\p{Cc}])?$';

/** The install-time settings form: a JSON Schema object, compiled by ajv at validation. */
export interface SettingsSchema {
  type: 'object';
  properties?: Record<string, { type?: string; secret?: boolean; [keyword: string]: unknown }>;
  required?: string[];
  [keyword: string]: unknown;
}

const line = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: LINE_PATTERN, description });

/** `guild-plugin.json`. Its enums of points and permissions come from the extension-point registry. */
export const MANIFEST_SCHEMA = Type.Object(
  {
    $schema: Type.Optional(Type.String({ maxLength: 200 })),
    name: Type.String({
      maxLength: 104,
      pattern: NAME_PATTERN,
      description:
        'namespace/slug in lower case (letters, digits, single hyphens, starting with a letter; namespace 3-39 characters, slug 2-64)',
    }),
    version: Type.String({ maxLength: 64, format: 'semver', description: 'a semantic version such as 1.2.0' }),
    hostApi: Type.String({ minLength: 1, maxLength: 100, format: 'semver-range', description: 'a semver range such as ^1.0.0' }),
    displayName: line(60, 'one line of text, without surrounding spaces'),
    summary: line(140, 'one line of text (at most 140 characters), without surrounding spaces'),
    entry: Type.String({
      maxLength: 200,
      pattern: ENTRY_PATTERN,
      description: 'a relative path to a .js file inside the package (forward slashes, no "..", no segment starting with a dot)',
    }),
    events: Type.Optional(
      Type.Array(Type.Unsafe<EventName>({ type: 'string', enum: [...EVENT_NAMES] }), { uniqueItems: true, maxItems: EVENT_NAMES.length }),
    ),
    functions: Type.Optional(
      Type.Array(Type.Unsafe<FunctionName>({ type: 'string', enum: [...FUNCTION_NAMES] }), {
        uniqueItems: true,
        maxItems: FUNCTION_NAMES.length,
      }),
    ),
    permissions: Type.Optional(
      Type.Array(
        Type.Unsafe<Permission>({
          type: 'string',
          description: 'storage, http:<hostname>, events:<event> or functions:<function> (a known point)',
          anyOf: [
            { const: 'storage' },
            { enum: [...POINT_PERMISSIONS] },
            { pattern: `^http:${HTTP_HOST_PATTERN.slice(1)}`, maxLength: 258 },
          ],
        }),
        { uniqueItems: true, maxItems: 50 },
      ),
    ),
    settings: Type.Optional(
      Type.Unsafe<SettingsSchema>({
        type: 'object',
        required: ['type'],
        properties: {
          type: { const: 'object' },
          properties: {
            type: 'object',
            maxProperties: 50,
            propertyNames: { pattern: SETTING_KEY_PATTERN },
            additionalProperties: { type: 'object' },
          },
        },
      }),
    ),
    limits: Type.Optional(
      Type.Object(
        {
          memoryMb: Type.Optional(Type.Integer({ minimum: MINIMUM_LIMITS.memoryMb, maximum: PLATFORM_LIMITS.memoryMb })),
          timeoutMs: Type.Optional(Type.Integer({ minimum: MINIMUM_LIMITS.timeoutMs, maximum: PLATFORM_LIMITS.timeoutMs })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $schema: 'http://json-schema.org/draft-07/schema#', additionalProperties: false },
);

/** The file as written. */
export type ManifestDocument = Static<typeof MANIFEST_SCHEMA>;

/** A manifest that passed every check, with lists and limits filled in. */
export type Manifest = Omit<ManifestDocument, 'events' | 'functions' | 'permissions' | 'settings' | 'limits'> & {
  events: EventName[];
  functions: FunctionName[];
  permissions: Permission[];
  settings: SettingsSchema;
  limits: { memoryMb: number; timeoutMs: number };
};
