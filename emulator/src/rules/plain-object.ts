// The emulator's one set of helpers for objects keyed by untrusted text (a token's claims,
// a request's query). A lookup on a plain object walks its prototype: `record["constructor"]`
// is `Object`, and writing `record["__proto__"]` replaces the prototype. Read with `ownValue`
// or `hasOwn`; gather in a Map and hand out `Object.fromEntries(map)`. The package checks
// tokens on its own, so it keeps its own copy of the root package's src/embed/plain-object.ts;
// test/machinery/package-copies.node.test.ts keeps the two the same below this comment.

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
