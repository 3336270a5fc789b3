// Stage 2, the request: the element's inputs → what to ask for and where: `{resource,
// params}` from the `dashboard`/`question` attributes, the `params` object and the
// `param-<slug>` attributes; the endpoint or `fetchToken`; the `site-url`; and a key that
// de-duplicates requests. A problem here is a configuration error: it is shown and reported,
// and no request is made.
import {canonicalJson, isScalar, quote, validateParams, type ParamsResult} from './attributes.js';
import type {
  EmbedParamValue,
  EmbedParams,
  FetchToken,
  Resource,
  ResourceId,
  ResourceKind,
  TokenRequestBody,
} from './embed-types.js';

// ---- The resource: a dashboard or a question ----

// `dashboard="12"` or `question="..."`: a positive integer or a 21-character entity id
// (Metabase's NanoID alphabet).

const positiveInteger = /^[1-9][0-9]*$/;
const entityId = /^[A-Za-z0-9_-]{21}$/;

type ResourceResult = {resource: Resource} | {problem: string};

/** Parses one id as written in an attribute; undefined when it is neither allowed form. */
export function parseResourceId(text: string): ResourceId | undefined {
  const trimmed = text.trim();
  if (positiveInteger.test(trimmed)) {
    const id = Number(trimmed);
    return Number.isSafeInteger(id) ? id : undefined;
  }
  return entityId.test(trimmed) ? trimmed : undefined;
}

/** Reads the `dashboard` and `question` attributes: exactly one, well formed. */
export function resourceFromAttributes(
  dashboard: string | number | null | undefined,
  question: string | number | null | undefined,
): ResourceResult {
  const given = [dashboard, question].filter((value) => value != null);
  if (given.length === 0) {
    return {
      problem:
        'Set either the "dashboard" or the "question" attribute (a positive integer id or a 21-character entity id).',
    };
  }
  if (given.length === 2) {
    return {problem: 'Set only one of the "dashboard" and "question" attributes, not both.'};
  }
  const kind: ResourceKind = dashboard != null ? 'dashboard' : 'question';
  const id = parseResourceId(String(given[0]));
  if (id === undefined) {
    return {
      problem: `The "${kind}" attribute must be a positive integer id or a 21-character entity id (A-Z a-z 0-9 _ -); got ${JSON.stringify(String(given[0]))}.`,
    };
  }
  return {resource: resourceOf(kind, id)};
}

export function resourceKind(resource: Resource): ResourceKind {
  return 'dashboard' in resource ? 'dashboard' : 'question';
}

/** A human label, e.g. "Metabase dashboard 12" (the iframe's default title). */
export function describeResource(resource: Resource): string {
  const kind = resourceKind(resource);
  return `Metabase ${kind} ${(resource as Record<ResourceKind, ResourceId>)[kind]}`;
}

/** `{dashboard: 12}` or `{question: 12}`. */
export function resourceOf(kind: ResourceKind, id: ResourceId): Resource {
  return {[kind]: id} as Resource;
}

// ---- Filter values: the param-<slug> attributes ----

export const paramAttributePrefix = 'param-';

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

// ---- Where to ask ----

export interface TokenSource {
  /** The signing endpoint, an absolute http(s) URL. Ignored when `fetchToken` is set. */
  endpoint?: string;
  credentials: 'same-origin' | 'include';
  fetchToken?: FetchToken;
}

/** An absolute http(s) URL without credentials, or undefined. */
export function parseHttpUrl(text: string, base?: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}

function readSiteUrl(siteUrl: string | null | undefined): {siteUrl?: string} | {problem: string} {
  if (siteUrl == null) return {};
  const url = parseHttpUrl(siteUrl);
  if (!url)
    return {
      problem: `"site-url" must be an absolute http(s) URL such as "https://metabase.example.com"; got ${JSON.stringify(siteUrl)}.`,
    };
  return {siteUrl: url.href.replace(/\/+$/, '')};
}

function readSource(input: ConfigurationInput, baseUrl: string): {source: TokenSource} | {problem: string} {
  const {credentials} = input;
  if (input.fetchToken != null) {
    if (typeof input.fetchToken !== 'function')
      return {problem: '"fetchToken" must be a function returning a promise of the answer.'};
    return {source: {fetchToken: input.fetchToken, credentials}};
  }
  if (input.endpoint == null || input.endpoint.trim() === '') {
    return {problem: 'Set the "endpoint" attribute to your signing URL (or the fetchToken property).'};
  }
  const endpoint = parseHttpUrl(input.endpoint.trim(), baseUrl);
  if (!endpoint)
    return {
      problem: `"endpoint" must be an http(s) URL, absolute or relative to the page; got ${JSON.stringify(input.endpoint)}.`,
    };
  return {source: {endpoint: endpoint.href, credentials}};
}

// ---- The request ----

/** The element's own properties: it passes itself. */
export interface ConfigurationInput {
  dashboard?: string | number | null | undefined;
  question?: string | number | null | undefined;
  endpoint?: string | null | undefined;
  fetchToken?: FetchToken | null | undefined;
  credentials: 'same-origin' | 'include';
  siteUrl?: string | null | undefined;
  /** The element's attributes; the `param-*` ones are read. */
  attributes: Iterable<{name: string; value: string}>;
}

export interface Configuration {
  body: TokenRequestBody;
  source: TokenSource;
  /** The `site-url` attribute, validated. */
  siteUrl?: string | undefined;
  /** Equal keys ask for the same token: what de-duplicates requests. */
  key: string;
}

/**
 * `params` is the `params` property as given (parsed JSON, or what a script assigned, valid
 * or not); `baseUrl` resolves a relative endpoint, e.g. `document.baseURI`.
 */
export function readConfiguration(
  input: ConfigurationInput,
  params: unknown,
  baseUrl: string,
): {configuration: Configuration} | {problem: string} {
  const resource = resourceFromAttributes(input.dashboard, input.question);
  if ('problem' in resource) return resource;
  const fromObject = validateParams(params, 'params');
  if ('problem' in fromObject) return fromObject;
  const fromAttributes = paramsFromAttributes(input.attributes);
  if ('problem' in fromAttributes) return fromAttributes;
  const site = readSiteUrl(input.siteUrl);
  if ('problem' in site) return site;
  const source = readSource(input, baseUrl);
  if ('problem' in source) return source;

  const body = {resource: resource.resource, params: mergeParams(fromObject.params, fromAttributes.params)};
  const key = canonicalJson({
    ...body,
    endpoint: source.source.endpoint ?? null,
    credentials: source.source.credentials,
    site: site.siteUrl ?? null,
  });
  const configuration: Configuration = {body, source: source.source, key};
  if (site.siteUrl !== undefined) configuration.siteUrl = site.siteUrl;
  return {configuration};
}
