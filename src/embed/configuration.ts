// The element's inputs → what to ask for and where. A problem here is a configuration error:
// it is shown and reported, and no request is made.
import {parseHttpUrl} from './answer.js';
import type {TokenSource} from './exchange.js';
import {canonicalJson, mergeParams, paramsFromAttributes, validateParams} from './params.js';
import {resourceFromAttributes} from './resource.js';
import type {FetchToken, TokenRequestBody} from './types.js';

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
