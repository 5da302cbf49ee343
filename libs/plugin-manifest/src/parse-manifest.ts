import type { ErrorObject } from 'ajv';
import { createIssueAjv, HOST_API_VERSION, pointerToken, toValidationIssues } from '@guild/extension-points';
import { isSemverRange, isStrictSemver } from './host-api.js';
import { DEFAULT_LIMITS, MAX_MANIFEST_BYTES, MAX_MANIFEST_DEPTH } from './limits.js';
import { ManifestErrorCode, type ManifestError } from './manifest.errors.js';
import { manifestRules } from './manifest-rules.js';
import { MANIFEST_SCHEMA, type Manifest, type ManifestDocument } from './manifest.schema.js';

export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; errors: ManifestError[] };

const ajv = createIssueAjv();
ajv.addFormat('semver', isStrictSemver);
ajv.addFormat('semver-range', isSemverRange);
const validateDocument = ajv.compile<ManifestDocument>(MANIFEST_SCHEMA);

const refuse = (code: ManifestErrorCode, message: string, path = ''): ManifestResult => ({ ok: false, errors: [{ path, code, message }] });

/**
 * Parses and checks `guild-plugin.json` exactly as the server does on upload: size and shape
 * first, then the schema, then the rules between fields. `input` is the file's text, or a value
 * already parsed (which is re-serialised, so the result never shares objects with the caller).
 */
export function parseManifest(input: unknown): ManifestResult {
  let text: string;
  try {
    text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : (JSON.stringify(input) ?? 'undefined');
  } catch {
    return refuse(ManifestErrorCode.InvalidJson, 'is not JSON data (a cycle, a BigInt or too deep)');
  }
  // UTF-16 length never exceeds UTF-8 size, so the cheap test refuses huge strings without encoding them.
  if (text.length > MAX_MANIFEST_BYTES || Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
    return refuse(ManifestErrorCode.TooLarge, `is larger than ${MAX_MANIFEST_BYTES / 1024} KB`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return refuse(ManifestErrorCode.InvalidJson, `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return refuse(ManifestErrorCode.NotObject, 'must be a JSON object');
  }
  const shapeError = checkShape(document);
  if (shapeError) return { ok: false, errors: [shapeError] };

  if (!validateDocument(document)) return { ok: false, errors: schemaErrors(validateDocument.errors ?? []) };
  const manifest = withDefaults(document);
  const errors = manifestRules(manifest);
  return errors.length ? { ok: false, errors } : { ok: true, manifest };
}

/**
 * Depth, `__proto__` keys and NUL characters (which PostgreSQL's jsonb cannot store), walked
 * without recursion so hostile nesting cannot blow the stack.
 */
function checkShape(root: object): ManifestError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string' && value.includes('\u0000')) return { path, code: ManifestErrorCode.Schema, message: 'holds a NUL character (\\u0000); remove it' };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_MANIFEST_DEPTH) return { path, code: ManifestErrorCode.TooDeep, message: `nests deeper than ${MAX_MANIFEST_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) {
      const childPath = path + pointerToken(key);
      if (key === '__proto__') return { path: childPath, code: ManifestErrorCode.ForbiddenKey, message: 'the key "__proto__" is not allowed' };
      if (key.includes('\u0000')) return { path: childPath, code: ManifestErrorCode.Schema, message: 'has a key holding a NUL character (\\u0000); remove it' };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

function schemaErrors(errors: ErrorObject[]): ManifestError[] {
  const overLimit = (error: ErrorObject) => error.keyword === 'maximum' && error.instancePath.startsWith('/limits/');
  // A string in "permissions" that matches none of the kinds: a permission this host API does not know.
  const unknownPermissions = errors.filter((error) => error.keyword === 'anyOf' && /^\/permissions\/\d+$/.test(error.instancePath) && typeof error.data === 'string');
  const ofUnknownPermission = (error: ErrorObject) => unknownPermissions.some((unknown) => error.instancePath === unknown.instancePath);
  return [
    ...errors.filter(overLimit).map((error) => ({
      path: error.instancePath,
      code: ManifestErrorCode.LimitExceeded,
      message: `${String(error.data)} exceeds the platform maximum of ${String((error.params as { limit: number }).limit)}`,
    })),
    ...unknownPermissions.map((error) => ({
      path: error.instancePath,
      code: ManifestErrorCode.PermissionInvalid,
      message: `"${String(error.data).slice(0, 100)}" is not a permission host API ${HOST_API_VERSION} knows: it must be storage, http:<hostname>, events:<event> or functions:<function> (a known point)`,
    })),
    ...toValidationIssues(errors.filter((error) => !overLimit(error) && !ofUnknownPermission(error))).map((issue) => ({ ...issue, code: ManifestErrorCode.Schema })),
  ];
}

function withDefaults(document: ManifestDocument): Manifest {
  return {
    ...document,
    events: document.events ?? [],
    functions: document.functions ?? [],
    permissions: document.permissions ?? [],
    settings: document.settings ?? { type: 'object', properties: {}, additionalProperties: false },
    limits: { ...DEFAULT_LIMITS, ...document.limits },
  };
}
