// The repo's one set of helpers for objects keyed by untrusted text (filter slugs, JSON
// from a request, a token or a message). A lookup on a plain object walks its prototype:
// `record["constructor"]` is `Object`, and writing `record["__proto__"]` replaces the
// prototype. Read with `ownValue` or `hasOwn`; gather in a Map and hand out
// `Object.fromEntries(map)` (which defines every key, `__proto__` too, as an own property).

/** A JSON-style object: not null, not an array, not a class instance (another realm's plain object counts). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/** Whether `key` is the object's own property (never one inherited from Object.prototype). */
export function hasOwn(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** The own value at `key`, or undefined: `ownValue({}, "constructor")` is undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(record, key) ? record[key] : undefined;
}
