// The repo's one set of helpers for objects keyed by untrusted text (filter slugs, JSON
// from a request, a token or a message). A lookup on a plain object walks its prototype:
// `record["constructor"]` is `Object`, and writing `record["__proto__"]` replaces the
// prototype. Read with `ownValue`, write into `emptyRecord()`, or use a Map.

/** A JSON-style object: not null, not an array, not a class instance (another realm's plain object counts). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/** Whether `key` is the object's own property (never one inherited from Object.prototype). */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** The own value at `key`, or undefined: `ownValue({}, "constructor")` is undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(record, key) ? record[key] : undefined;
}

/** An object with no prototype, safe to fill with any key (`__proto__` included). */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A null-prototype copy of `entries`, e.g. `recordOf(Object.entries(a).concat(Object.entries(b)))`. */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = emptyRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}
