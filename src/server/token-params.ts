// Filter values carried in the token's `params` claim: slug → scalar, array of scalars or
// null (emulator/README.md#token, #parameters). `[]` is "no filter" for a locked parameter; null is "no value",
// which Metabase reads as clearing the parameter's default.
import {EmbedValidationError} from './validation-error.js';
import {describeValue, isPlainObject} from './values.js';

export type EmbedScalar = string | number | boolean;
export type EmbedParamValue = EmbedScalar | null | readonly EmbedScalar[];
/** slug → value, as signed into the token. */
export type EmbedParams = Readonly<Record<string, EmbedParamValue>>;

const VALUE_RULE = 'a string, a finite number, a boolean, null, or an array of strings, numbers and booleans';

function isScalar(value: unknown): value is EmbedScalar {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

export function parseParamValue(value: unknown, field: string): EmbedParamValue {
  if (isScalar(value) || value === null) return value;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      if (!isScalar(item)) {
        throw new EmbedValidationError(
          field,
          `${field}[${index}] must be a string, a finite number or a boolean, got ${describeValue(item)}`,
        );
      }
    });
    return [...(value as EmbedScalar[])];
  }
  throw new EmbedValidationError(field, `${field} must be ${VALUE_RULE}, got ${describeValue(value)}`);
}

/**
 * Returns a fresh copy (built with `Object.fromEntries`, so a `"__proto__"` slug stays a
 * plain key and cannot touch any prototype).
 */
export function parseParams(value: unknown, field = 'params'): Record<string, EmbedParamValue> {
  if (!isPlainObject(value)) {
    throw new EmbedValidationError(
      field,
      `${field} must be an object mapping filter slugs to values, got ${describeValue(value)}`,
    );
  }
  return Object.fromEntries(
    Object.entries(value).map(([slug, paramValue]) => {
      if (slug === '') throw new EmbedValidationError(field, `${field} has an empty slug`);
      return [slug, parseParamValue(paramValue, `${field}.${slug}`)];
    }),
  );
}
