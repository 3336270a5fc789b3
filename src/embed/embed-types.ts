// Shared types of the element's public API and of its DOM-free protocol modules.

/** What a signed embed shows: a dashboard or a question (saved card). */
export type ResourceKind = 'dashboard' | 'question';

/** A resource id: a positive integer or a 21-character entity id. */
export type ResourceId = number | string;

/** The token's `resource` claim, e.g. `{dashboard: 12}`. */
export type Resource = {dashboard: ResourceId} | {question: ResourceId};

/**
 * One filter value: a scalar, or an array of scalars for several values (`[]` means "no
 * filter"), or null: "no value", which clears the parameter's default in Metabase.
 */
export type EmbedParamValue = string | number | boolean | null | Array<string | number | boolean>;

/** Filter values keyed by parameter slug. */
export type EmbedParams = Record<string, EmbedParamValue>;

/** Editable filter values as the embed's URL carries them (repeated keys become arrays). */
export type FrameParams = Record<string, string | string[]>;

/** What the element sends to the endpoint (the POST body) or hands to `fetchToken`. */
export interface TokenRequestBody {
  resource: Resource;
  params: EmbedParams;
}

/** The argument of a `fetchToken` function. */
export interface FetchTokenRequest extends TokenRequestBody {
  /** Aborted when the request is superseded, times out, or the element is disconnected. */
  signal: AbortSignal;
}

/**
 * The three answer shapes the element accepts, from the endpoint or from `fetchToken`:
 * `{url}` (what Metabase's snippets build), `{token, siteUrl}`, or `{jwt}` (the shape of
 * Metabase's guest-embed provider; the `site-url` attribute gives the site).
 */
export type EmbedAnswer = {url: string} | {token: string; siteUrl?: string} | {jwt: string};

/** Replaces the endpoint: custom auth, GraphQL, an SDK. Resolves to an {@link EmbedAnswer}. */
export type FetchToken = (request: FetchTokenRequest) => Promise<EmbedAnswer>;

/** `idle` (nothing asked yet, e.g. lazy and off-screen), `loading`, `ready`, `error`. */
export type EmbedState = 'idle' | 'loading' | 'ready' | 'error';

/** Why a new token was fetched; `page`: the tag's `token` attribute, signed by the page's server. */
export type TokenReason = 'initial' | 'params' | 'renew' | 'reload' | 'page';

/** Why something failed. */
export type EmbedErrorReason =
  | 'configuration' // an attribute or property is missing or malformed; no request is made
  | 'network' // fetch failed (offline, DNS, CORS)
  | 'timeout' // no answer within `timeout` seconds
  | 'http' // the endpoint answered a non-2xx status
  | 'invalid-answer' // a 2xx answer that is not a usable signed embed
  | 'fetch-token'; // the `fetchToken` function rejected

/** Detail of `metabase-embed-token`. */
export interface MetabaseEmbedTokenDetail {
  /** When the token expires: epoch milliseconds on the browser's clock, or null (no `exp`). */
  expiresAt: number | null;
  reason: TokenReason;
}

/** Detail of `metabase-embed-load`. */
export interface MetabaseEmbedLoadDetail {
  /** The embed URL the iframe loaded. */
  url: string;
}

/** Detail of `metabase-embed-resize`. */
export interface MetabaseEmbedResizeDetail {
  /** The iframe's new height in CSS pixels (after min-height/max-height). */
  height: number;
}

/** Detail of `metabase-embed-location`. */
export interface MetabaseEmbedLocationDetail {
  /** Editable filter values from the embed's query string (its `tab` is not one). */
  params: FrameParams;
  /** The dashboard tab open in the embed, as Metabase writes it (`32-product-details`), or null. */
  tab: string | null;
  /** The embed's location as Metabase posted it. */
  location: EmbedLocation;
}

/** Detail of `metabase-embed-error`. */
export interface MetabaseEmbedErrorDetail {
  reason: EmbedErrorReason;
  message: string;
  /** The endpoint's HTTP status, when it answered one. */
  status?: number;
  /** True when the element will try again on its own. */
  willRetry: boolean;
}

/** The element's events and their details (all bubble and cross shadow roots). */
export interface MetabaseEmbedEventMap {
  'metabase-embed-token': CustomEvent<MetabaseEmbedTokenDetail>;
  'metabase-embed-load': CustomEvent<MetabaseEmbedLoadDetail>;
  'metabase-embed-resize': CustomEvent<MetabaseEmbedResizeDetail>;
  'metabase-embed-location': CustomEvent<MetabaseEmbedLocationDetail>;
  'metabase-embed-error': CustomEvent<MetabaseEmbedErrorDetail>;
}

/** The parts of the embed's `location` the element reads from Metabase's messages. */
export interface EmbedLocation {
  href: string;
  origin: string;
  pathname: string;
  search: string;
  hash: string;
}
