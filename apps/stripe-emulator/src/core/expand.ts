import { invalid } from './errors.js';
import type { EmulatorState, StripeObject } from './state.js';

const MAX_DEPTH = 4;

/**
 * Applies `expand[]` paths to a response: each dotted path names a field holding an id, which is
 * replaced by the object (`data.` walks into lists). Like Stripe, an unknown or non-expandable
 * path is a 400 and paths are at most four levels deep.
 */
export function expand(body: unknown, paths: string[], state: EmulatorState): unknown {
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > MAX_DEPTH) throw invalid(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, 'expand');
    body = expandAt(body, parts, path, state);
  }
  return body;
}

function expandAt(value: unknown, parts: string[], path: string, state: EmulatorState): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => expandAt(item, parts, path, state));
  if (typeof value !== 'object') throw notExpandable(path);
  const object = value as Record<string, unknown>;
  const [head, ...rest] = parts;
  if (!(head in object)) throw notExpandable(path);
  let field = object[head];
  if (typeof field === 'string') {
    field = lookUp(field, path, state);
  } else if (rest.length === 0 && Array.isArray(field)) {
    // a list of ids (`discounts`, `default_tax_rates`): each is expanded
    field = field.map((item: unknown) => (typeof item === 'string' ? lookUp(item, path, state) : item));
  } else if (rest.length === 0 && (field === null || typeof field === 'object')) {
    // already an object (or null): nothing to do
  } else if (rest.length === 0) {
    throw notExpandable(path);
  }
  object[head] = rest.length ? expandAt(field, rest, path, state) : field;
  return object;
}

function lookUp(id: string, path: string, state: EmulatorState): StripeObject {
  const found = state.anywhere<StripeObject>(id);
  if (!found) throw notExpandable(path);
  return structuredClone(found);
}

function notExpandable(path: string) {
  return invalid(`This property cannot be expanded (${path}).`, 'expand');
}
