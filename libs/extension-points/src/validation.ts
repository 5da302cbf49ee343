import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EXTENSION_POINTS, isExtensionPointName, isFunctionName, type ExtensionPointName, type FunctionName, type FunctionOutput, type PointInput } from './registry.js';
import { toValidationIssues, type Validation } from './validation-issues.js';

// `verbose` hands each error its schema, whose description becomes the message.
const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
addFormats.default(ajv, ['date-time']);

// Compiled once, at load: every plugin call validates its input and every answer its output.
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
  return run(isExtensionPointName(name) ? inputs.get(name) : undefined, name, value);
}

/** Checks one plugin's answer to a function point before it reaches `combine`. */
export function validateOutput<N extends FunctionName>(name: N, value: unknown): Validation<FunctionOutput<N>> {
  return run(isFunctionName(name) ? outputs.get(name) : undefined, name, value);
}
