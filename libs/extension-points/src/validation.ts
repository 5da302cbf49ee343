import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EXTENSION_POINTS, type ExtensionPointName, type FunctionName, type FunctionOutput, type PointInput } from './registry.js';
import { createIssueAjv, toValidationIssues, type Validation } from './validation-issues.js';

const ajv = createIssueAjv();
addFormats.default(ajv, ['date-time']);

// Compiled once, at load: every plugin call validates its input and every answer its output.
// Only registry names are keys, so any other name (`__proto__` too) finds no validator.
const inputs = new Map<string, ValidateFunction>();
const outputs = new Map<string, ValidateFunction>();
for (const point of Object.values(EXTENSION_POINTS)) {
  inputs.set(point.name, ajv.compile(point.input));
  if (point.kind === 'function') outputs.set(point.name, ajv.compile(point.output));
}

function run<T>(validate: ValidateFunction | undefined, name: string, value: unknown): Validation<T> {
  if (!validate) return { ok: false, errors: [{ path: '', message: `unknown extension point ${JSON.stringify(name)}` }] };
  return validate(value) ? { ok: true, value: value as T } : { ok: false, errors: toValidationIssues(validate.errors) };
}

/** Checks what the offering hands to plugins at a point (event payload or function input). */
export function validateInput<N extends ExtensionPointName>(name: N, value: unknown): Validation<PointInput<N>> {
  return run(inputs.get(name), name, value);
}

/** Checks one plugin's answer to a function point before it reaches `combine`. */
export function validateOutput<N extends FunctionName>(name: N, value: unknown): Validation<FunctionOutput<N>> {
  return run(outputs.get(name), name, value);
}
