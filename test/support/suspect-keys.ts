// Filter slugs that name members of Object.prototype (and the other usual suspects), mixed
// with ordinary ones: a lookup on a plain object finds the former through its prototype.
// Drawn by the property tests of every path that keys anything by a slug.
import fc from 'fast-check';

export const SUSPECT_KEYS: readonly string[] = [
  ...new Set([
    ...Object.getOwnPropertyNames(Object.prototype),
    '__proto__',
    'prototype',
    'constructor',
    'then',
    'toJSON',
    'length',
    'name',
  ]),
];

export const ORDINARY_SLUGS: readonly string[] = ['category', 'tenant', 'state', 'created_at'];

/** Mostly suspects, some ordinary slugs, some random words. */
export const slugArbitrary: fc.Arbitrary<string> = fc.oneof(
  {arbitrary: fc.constantFrom(...SUSPECT_KEYS), weight: 4},
  {arbitrary: fc.constantFrom(...ORDINARY_SLUGS), weight: 2},
  {arbitrary: fc.stringMatching(/^[a-z_]{1,8}$/), weight: 1},
);

/** `Object.prototype`'s own names and descriptors, to compare before and after a run (nothing polluted). */
export function prototypeSnapshot(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}

/** Slug → value, a repeated slug's values as a list, built in a Map: the tests' own model of a query string. */
export function paramsModel(entries: readonly (readonly [string, string])[]): Map<string, string | string[]> {
  const params = new Map<string, string | string[]>();
  for (const [slug, item] of entries) {
    const previous = params.get(slug);
    params.set(slug, previous === undefined ? item : [previous, item].flat());
  }
  return params;
}
