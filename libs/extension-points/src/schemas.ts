import { Type } from '@sinclair/typebox';

// Building blocks shared by the points' payloads. Limits keep hostile plugin answers small.
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });
/** ISO 4217, upper case. */
export const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
/** Money is an integer count of the currency's minor unit (cents for EUR). */
export const MinorAmount = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
export const ShortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** A plain `enum` (TypeBox's literal unions become `anyOf`, whose errors are noisy). */
export function StringEnum<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}
