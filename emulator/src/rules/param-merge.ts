// Metabase's rules for locked, editable and disabled parameters (emulator/README.md#parameters), as pure
// functions. Messages are worded as in Metabase's newest embedding_rest/api/common.clj:
// slugs as plain strings, except "You must specify a value for :slug in the JWT.", which
// prints the slug as a Clojure keyword. Slugs are the visitor's or the token's text: they
// are gathered in Maps and read by own property only (plain-object.ts), so a slug
// such as `constructor` or `__proto__` is a slug like any other.
import {hasOwn, isPlainObject, ownValue} from './plain-object.js';
import {fail} from './api-errors.js';
import type {EmbeddingParams} from '../content/schema.js';

export type ParamMap = Record<string, unknown>;

const isBlankString = (value: unknown) => typeof value === 'string' && value.trim() === '';
/** Metabase reads an empty query value (`?date=`) as nil: "no value", which clears a default. */
const emptyAsNull = (params: ParamMap): ParamMap =>
  Object.fromEntries(Object.entries(params).map(([slug, value]) => [slug, value === '' ? null : value]));
const withoutBlankStrings = (params: ParamMap): ParamMap =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => !isBlankString(value)));
const has = hasOwn;

/**
 * The values a request sets itself: the `parameters` query parameter (JSON by slug) when it
 * parses, otherwise the plain query parameters (a repeated key gives an array), as Metabase does.
 */
export function userParamsFromQuery(query: URLSearchParams): ParamMap {
  const json = query.get('parameters');
  if (json !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      parsed = undefined; // Metabase falls back to the plain query parameters
    }
    if (parsed !== undefined) {
      if (!isPlainObject(parsed)) {
        fail('The `parameters` query parameter must be a JSON object of slug → value.');
      }
      return emptyAsNull(parsed);
    }
  }
  const params = new Map<string, unknown>();
  for (const key of new Set(query.keys())) {
    if (key === 'format_rows' || key === 'pivot_results') continue;
    const values = query.getAll(key);
    params.set(key, values.length === 1 ? values[0] : values);
  }
  return emptyAsNull(Object.fromEntries(params));
}

/** The token's `params` claim, which Metabase requires (`{}` is fine). */
export function tokenParamsFromClaims(claims: {params?: unknown}): ParamMap {
  const {params} = claims;
  if (params === undefined || params === null) fail('Token is missing value for keypath [:params]');
  if (!isPlainObject(params)) fail('Token `params` must be an object of slug → value.');
  return params;
}

function checkAllowed(embeddingParams: EmbeddingParams, token: ParamMap, user: ParamMap): void {
  for (const [slug, status] of Object.entries(embeddingParams)) {
    if (status === 'disabled' && (has(token, slug) || has(user, slug))) {
      fail(`You're not allowed to specify a value for ${slug}.`);
    }
    if (status === 'enabled' && has(token, slug) && has(user, slug)) {
      fail(`You can't specify a value for ${slug} if it's already set in the JWT.`);
    }
    if (status === 'locked') {
      const value = ownValue(token, slug);
      if (value === undefined || value === null) fail(`You must specify a value for :${slug} in the JWT.`);
      if (has(user, slug)) fail(`You can only specify a value for ${slug} in the JWT.`);
    }
  }
  for (const slug of Object.keys({...token, ...user})) {
    if (!has(embeddingParams, slug)) fail(`Unknown parameter ${slug}.`);
  }
}

/**
 * Checks token and request values against an item's `embedding_params`, then merges them
 * (token values win). Blank strings are left out of the checks only: in the merge, a blank
 * or null value, and an empty list like `[]` for a locked parameter, mean "no value" and
 * come back as null, so they clear a parameter's default (see `withDefaults`).
 */
export function validateAndMergeParams(
  embeddingParams: EmbeddingParams,
  tokenParams: ParamMap,
  userParams: ParamMap,
): ParamMap {
  checkAllowed(embeddingParams, withoutBlankStrings(tokenParams), withoutBlankStrings(userParams));
  const merged = Object.fromEntries([...Object.entries(userParams), ...Object.entries(tokenParams)]);
  for (const [slug, value] of Object.entries(merged)) {
    if ((Array.isArray(value) && value.length === 0) || isBlankString(value)) merged[slug] = null;
  }
  return merged;
}

/**
 * The values the query runs with: the merged ones, and each parameter's default where its
 * slug is absent. A slug present with null (cleared) keeps no value, as in Metabase.
 */
export function withDefaults(merged: ParamMap, parameters: readonly {slug: string; default?: unknown}[]): ParamMap {
  const values = new Map(Object.entries(merged));
  for (const parameter of parameters) {
    if (!values.has(parameter.slug) && parameter.default !== undefined) values.set(parameter.slug, parameter.default);
  }
  return Object.fromEntries(values);
}
