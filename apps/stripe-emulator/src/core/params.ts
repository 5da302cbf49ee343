import { invalid, missingParam, unknownParam } from './errors.js';

type Raw = Record<string, unknown>;

/**
 * Typed reads of a form-encoded body (or query) as `qs` parsed it: every leaf is a string, so
 * numbers and booleans are checked here, and errors name the param the way Stripe does
 * (`line_items[0][price]`).
 */
export class Params {
  constructor(
    readonly raw: Raw,
    private readonly prefix = '',
  ) {}

  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  /** Stripe's `parameter_unknown` for any key not in `allowed`, naming it as sent (`business_profile[colour]`). */
  allowOnly(allowed: readonly string[]): void {
    for (const key of Object.keys(this.raw)) if (!allowed.includes(key)) throw unknownParam(this.name(key));
  }

  string<R extends boolean = false>(key: string, options: { required?: R; oneOf?: readonly string[]; max?: number } = {}): R extends true ? string : string | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') {
      if (options.required) throw missingParam(this.name(key));
      return undefined as R extends true ? string : string | undefined;
    }
    if (typeof value !== 'string') throw invalid(`Invalid string: ${this.name(key)} must be a string.`, this.name(key));
    if (options.oneOf && !options.oneOf.includes(value)) {
      throw invalid(`Invalid ${this.name(key)}: must be one of ${options.oneOf.join(', ')}`, this.name(key));
    }
    if (value.length > (options.max ?? 5000)) throw invalid(`Invalid string: ${this.name(key)} is too long (maximum ${options.max ?? 5000} characters).`, this.name(key));
    return value;
  }

  integer<R extends boolean = false>(key: string, options: { required?: R; min?: number; max?: number } = {}): R extends true ? number : number | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') {
      if (options.required) throw missingParam(this.name(key));
      return undefined as R extends true ? number : number | undefined;
    }
    if (typeof value !== 'string' || !/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw invalid(`Invalid integer: ${shown(value)}`, this.name(key));
    }
    const number = Number(value);
    if (options.min !== undefined && number < options.min) throw invalid(`Invalid ${this.name(key)}: must be at least ${options.min}`, this.name(key));
    if (options.max !== undefined && number > options.max) throw invalid(`Invalid ${this.name(key)}: must be at most ${options.max}`, this.name(key));
    return number;
  }

  boolean(key: string): boolean | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw invalid(`Invalid boolean: ${shown(value)}`, this.name(key));
  }

  object(key: string): Params | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`Invalid object: ${this.name(key)}`, this.name(key));
    return new Params(value as Raw, this.name(key));
  }

  /** An array of hashes (`items[0][price]=...`); qs gives an array, or an object past its array limit. */
  objects(key: string): Params[] {
    const value = this.raw[key];
    if (value === undefined || value === '') return [];
    const entries = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : undefined;
    if (!entries) throw invalid(`Invalid array: ${this.name(key)}`, this.name(key));
    return entries.map((entry, index) => {
      if (typeof entry !== 'object' || entry === null) throw invalid(`Invalid object: ${this.name(key)}[${index}]`, `${this.name(key)}[${index}]`);
      return new Params(entry as Raw, `${this.name(key)}[${index}]`);
    });
  }

  strings(key: string): string[] {
    const value = this.raw[key];
    if (value === undefined || value === '') return [];
    const entries = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [value];
    if (entries.some((entry) => typeof entry !== 'string')) throw invalid(`Invalid array: ${this.name(key)}`, this.name(key));
    return entries as string[];
  }

  /**
   * Stripe's metadata rules: up to 50 keys, keys up to 40 characters, values up to 500; on update
   * an empty value removes the key and `metadata=""` clears them all.
   */
  metadata(current: Record<string, string> = {}): Record<string, string> {
    const value = this.raw.metadata;
    if (value === undefined) return current;
    if (value === '') return {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('Invalid metadata: must be a hash', 'metadata');
    const next = { ...current };
    for (const [key, entry] of Object.entries(value as Raw)) {
      if (typeof entry !== 'string') throw invalid(`Invalid metadata[${key}]: must be a string`, `metadata[${key}]`);
      if (key.length > 40) throw invalid(`Metadata keys can have up to 40 characters; "${key.slice(0, 40)}..." has ${key.length}.`, 'metadata');
      if (entry.length > 500) throw invalid(`Metadata values can have up to 500 characters; metadata[${key}] has ${entry.length}.`, `metadata[${key}]`);
      if (entry === '') delete next[key];
      else next[key] = entry;
    }
    if (Object.keys(next).length > 50) throw invalid('Metadata can have up to 50 keys.', 'metadata');
    return next;
  }

  currency(key = 'currency'): string {
    const value = this.string(key, { required: true });
    if (!/^[a-zA-Z]{3}$/.test(value)) throw invalid(`Invalid currency: ${value}. Stripe currently supports these currencies: usd, eur, gbp, ...`, this.name(key));
    return value.toLowerCase();
  }
}

/** A param's value in an error message: strings as they are, hashes and arrays as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
