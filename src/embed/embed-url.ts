// The URL an iframe loads: `<site>/embed/<kind>/<jwt>?<editable filter values>#<appearance>`.
import {queryFromParams, withoutSlugs} from './params.js';
import type {EmbedParamValue} from './types.js';

export interface EmbedUrlParts {
  /** `<site>/embed/<kind>/<jwt>` from a validated answer. */
  baseUrl: string;
  /** Editable filter values for the query string (initial values, then the visitor's). */
  query: Record<string, EmbedParamValue | string[]>;
  /** Slugs the token sets: Metabase refuses them in the query string, so they are dropped. */
  tokenSlugs: Iterable<string>;
  /** Appearance, without `#`. */
  hash: string;
}

export function buildEmbedUrl({baseUrl, query, tokenSlugs, hash}: EmbedUrlParts): string {
  const search = queryFromParams(withoutSlugs(query, tokenSlugs));
  return `${baseUrl}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`;
}
