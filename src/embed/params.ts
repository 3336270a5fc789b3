// Filter values: the `params` JSON attribute, one `param-<slug>` attribute per filter, their
// merge, and their form in an embed URL's query string.
import {UnparsableJson, quote} from './attribute-values.js';
import {isPlainObject} from './plain-object.js';
import type {EmbedParamValue, EmbedParams, FrameParams} from './types.js';

export const paramAttributePrefix = 'param-';

type ParamsResult = {params: EmbedParams} | {problem: string};

const allowedValues = 'a string, a number, a boolean, null, or an array of strings, numbers and booleans';

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

export function isParamValue(value: unknown): value is EmbedParamValue {
  return value === null || isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

/** Validates a JSON object of slug → value, e.g. the `params` or `initial-params` attribute. */
export function validateParams(value: unknown, attribute: string): ParamsResult {
  if (value === undefined || value === null) return {params: {}};
  if (value instanceof UnparsableJson) {
    return {
      problem: `"${attribute}" must be a JSON object of filter slug → value; ${quote(value)} is not JSON (${value.reason}).`,
    };
  }
  if (!isPlainObject(value)) {
    return {problem: `"${attribute}" must be a JSON object of filter slug → value; got ${quote(value)}.`};
  }
  for (const [slug, paramValue] of Object.entries(value)) {
    if (slug === '') return {problem: `"${attribute}" has an empty filter slug.`};
    if (!isParamValue(paramValue)) {
      return {problem: `"${attribute}" value for "${slug}" must be ${allowedValues}; got ${quote(paramValue)}.`};
    }
  }
  return {params: {...(value as EmbedParams)}};
}

/**
 * One `param-<slug>` attribute: the text is the value; a text starting with `[` is a JSON
 * array (several values).
 */
function paramFromAttribute(attribute: string, text: string): {value: EmbedParamValue} | {problem: string} {
  if (!text.trimStart().startsWith('[')) return {value: text};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed) && parsed.every(isScalar)) return {value: parsed};
  } catch {
    // reported below
  }
  return {
    problem: `"${attribute}" starts with "[" so it must be a JSON array of strings, numbers or booleans; got ${quote(text)}.`,
  };
}

/** All `param-<slug>` attributes, e.g. from `element.attributes`. */
export function paramsFromAttributes(attributes: Iterable<{name: string; value: string}>): ParamsResult {
  const params = new Map<string, EmbedParamValue>();
  for (const {name, value} of attributes) {
    if (!name.startsWith(paramAttributePrefix)) continue;
    const slug = name.slice(paramAttributePrefix.length);
    if (slug === '') return {problem: `"${name}" needs a filter slug after "param-", e.g. "param-category".`};
    const result = paramFromAttribute(name, value);
    if ('problem' in result) return result;
    params.set(slug, result.value);
  }
  return {params: Object.fromEntries(params)};
}

/** `param-*` attributes win over the `params` object on the same slug. */
export function mergeParams(fromObject: EmbedParams, fromAttributes: EmbedParams): EmbedParams {
  return {...fromObject, ...fromAttributes};
}

/** JSON with sorted object keys: equal values give equal text (request de-duplication). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Lit `hasChanged` for JSON-valued properties: by content, keys in any order. */
export function jsonChanged(value: unknown, previous: unknown): boolean {
  return canonicalJson(value) !== canonicalJson(previous);
}

/** Drops the given slugs (those the token sets: Metabase refuses them in the URL too). */
export function withoutSlugs<T extends Record<string, unknown>>(params: T, slugs: Iterable<string>): T {
  const copy = {...params};
  for (const slug of slugs) delete copy[slug];
  return copy;
}

/**
 * Query string of editable filter values, `a=1&a=2` for several values, no leading `?`. A
 * null is `a=` (Metabase reads an empty value as "none", clearing the default).
 */
export function queryFromParams(params: Record<string, EmbedParamValue | string[]>): string {
  const pairs: string[] = [];
  for (const [slug, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) {
      pairs.push(`${encodeURIComponent(slug)}=${encodeURIComponent(String(item))}`);
    }
  }
  return pairs.join('&');
}

/** The query key Metabase keeps a dashboard's open tab in (`?tab=32-product-details`). */
export const tabKey = 'tab';

/** The open dashboard tab in an embed's `location.search`, or null. */
export function tabFromSearch(search: string): string | null {
  return new URLSearchParams(search).get(tabKey) || null;
}

/**
 * Editable filter values from an embed's `location.search`; repeated keys become arrays;
 * `tab` is the open tab, not a filter. Slugs are the visitor's text (`constructor`,
 * `__proto__`): gathered in a Map, returned as own properties.
 */
export function paramsFromSearch(search: string): FrameParams {
  const params = new Map<string, string | string[]>();
  for (const [slug, value] of new URLSearchParams(search)) {
    if (slug === tabKey) continue;
    const previous = params.get(slug);
    params.set(slug, previous === undefined ? value : [previous, value].flat());
  }
  return Object.fromEntries(params);
}
