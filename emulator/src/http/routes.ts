// Maps request paths to what they ask for. Pure: no I/O, easy to test.
import {EXPORT_FORMATS, type ExportFormat} from '../query/export.js';

export type ApiRoute =
  | {kind: 'dashboard'; token: string}
  | {kind: 'dashcard-query'; token: string; dashcardId: number; cardId: number; format?: ExportFormat}
  | {kind: 'card'; token: string}
  | {kind: 'card-query'; token: string; format?: ExportFormat}
  | {
      kind: 'param-values';
      resource: 'dashboard' | 'card';
      token: string;
      paramId: string;
      verb: 'values' | 'remapping';
      prefix?: string;
    };

/**
 * An `/api/embed` path no endpoint takes. Metabase matches each path parameter against a
 * pattern before any endpoint runs (a token's three dotted parts, ids `[1-9]\d*`), so such a
 * path falls through to its 404 `API endpoint does not exist.`; a path that matches but whose
 * parameter fails the endpoint's schema (an id beyond a 64-bit integer, an export format it
 * does not know, a blank parameter key) is a 400 `Invalid route parameters`.
 */
export type ApiMiss = {kind: 'no-endpoint'} | {kind: 'invalid-route-params'};

export type Route =
  | {kind: 'page'; resource: 'dashboard' | 'question'; token: string}
  | {kind: 'api'; route: ApiRoute | ApiMiss}
  | {kind: 'asset'; name: AssetName}
  /** `/embed/question/<token>.csv`: Metabase redirects it to the question's download. */
  | {kind: 'download'; location: string}
  /**
   * Any other path under `/embed/` (`/embed/document/<token>` among them): Metabase's server
   * answers every `/embed/*` with its embed app, whose routes know only `question/:token` and
   * `dashboard/:token` and show "Not found" for the rest.
   */
  | {kind: 'not-found-page'}
  | {kind: 'unknown'};

/** Static files the pages (and host pages) load, by their public path. */
export const ASSET_PATHS = {
  '/app/iframeResizer.js': 'iframe-resizer-parent',
  '/app/embed/iframeResizer.contentWindow.js': 'iframe-resizer-child',
  '/app/embed/embed-page.js': 'page-script',
  '/app/embed/embed-page.css': 'page-style',
} as const;
export type AssetName = (typeof ASSET_PATHS)[keyof typeof ASSET_PATHS];

// The patterns Metabase's embed routes give their path parameters, matched on the raw path.
const TOKEN = /^[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.?[A-Za-z0-9_.+=-]*$/;
const POSITIVE_INT = /^[1-9]\d*$/;
/** Metabase reads ids as 64-bit integers: a longer one matches the route but fails its schema. */
const MAX_LONG = 9223372036854775807n;
const isExportFormat = (text: string): text is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(text);

const NO_ENDPOINT: ApiMiss = {kind: 'no-endpoint'};
const INVALID: ApiMiss = {kind: 'invalid-route-params'};

function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined; // malformed percent-encoding
  }
}

/** Every segment decoded, or undefined when one is malformed. */
function decodeSegments(raw: string[]): string[] | undefined {
  const parts = raw.map(decodeSegment);
  return parts.every((part): part is string => part !== undefined) ? parts : undefined;
}

/** Thrown (and caught in apiRoute) when a matched path parameter fails its endpoint's schema. */
class InvalidRouteParams extends Error {}

/** An id the route pattern took: a number, or NaN past the safe range (no item has such an id). */
function routeId(raw: string): number {
  if (BigInt(raw) > MAX_LONG) throw new InvalidRouteParams();
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : Number.NaN;
}

/** A parameter key or search prefix: Metabase's non-blank string. */
function nonBlank(raw: string): string {
  const text = decodeSegment(raw);
  if (text === undefined || text.trim() === '') throw new InvalidRouteParams();
  return text;
}

/** A download format; `api` (Metabase's own JSON answer, as the plain query endpoint sends it) is none. */
function exportFormat(raw: string | undefined): {format?: ExportFormat} {
  const format = raw === undefined ? 'api' : decodeSegment(raw);
  if (format === 'api') return {};
  if (format === undefined || !isExportFormat(format)) throw new InvalidRouteParams();
  return {format};
}

/** Which endpoint the raw segments after `/api/embed/` name, by Metabase's route patterns. */
function matchApi(parts: string[]): ApiRoute | ApiMiss {
  const [resource, token, section, a, b, c, d, ...rest] = parts;
  if (resource !== 'dashboard' && resource !== 'card') return NO_ENDPOINT;
  if (token === undefined || !TOKEN.test(token) || rest.length > 0) return NO_ENDPOINT;
  if (section === undefined) return {kind: resource, token};
  const nonEmpty = (part: string | undefined): part is string => part !== undefined && part !== '';
  if (resource === 'dashboard' && section === 'dashcard' && b === 'card' && (d === undefined || nonEmpty(d))) {
    if (a === undefined || c === undefined || !POSITIVE_INT.test(a) || !POSITIVE_INT.test(c)) return NO_ENDPOINT;
    const dashcardId = routeId(a);
    const cardId = routeId(c);
    return {kind: 'dashcard-query', token, dashcardId, cardId, ...exportFormat(d)};
  }
  if (resource === 'card' && section === 'query' && b === undefined && (a === undefined || nonEmpty(a))) {
    return {kind: 'card-query', token, ...exportFormat(a)};
  }
  if (section === 'params' && nonEmpty(a) && d === undefined) {
    if ((b === 'values' || b === 'remapping') && c === undefined)
      return {kind: 'param-values', resource, token, paramId: nonBlank(a), verb: b};
    if (b === 'search' && nonEmpty(c))
      return {kind: 'param-values', resource, token, paramId: nonBlank(a), verb: 'values', prefix: nonBlank(c)};
  }
  return NO_ENDPOINT;
}

function apiRoute(parts: string[]): ApiRoute | ApiMiss {
  try {
    return matchApi(parts);
  } catch (error) {
    if (error instanceof InvalidRouteParams) return INVALID;
    throw error;
  }
}

export function matchRoute(pathname: string): Route {
  if (pathname in ASSET_PATHS) return {kind: 'asset', name: ASSET_PATHS[pathname as keyof typeof ASSET_PATHS]};
  const raw = pathname.split('/').slice(1);
  // Metabase's API routes take every path under /api/; the emulator has only /api/embed's.
  if (raw[0] === 'api') return {kind: 'api', route: raw[1] === 'embed' ? apiRoute(raw.slice(2)) : NO_ENDPOINT};
  const parts = decodeSegments(raw);
  if (!parts) return {kind: 'unknown'};
  const [embed, resource, token, ...rest] = parts;
  if (embed === 'embed' && (resource === 'dashboard' || resource === 'question') && token && rest.length === 0) {
    // A token's segments never hold a dot, so a fourth dotted part can only be a format.
    const download = resource === 'question' ? /^([^.]+\.[^.]+\.[^.]*)\.(csv|json|xlsx)$/.exec(token) : null;
    if (download) {
      const [, jwt, format] = download;
      return {kind: 'download', location: `/api/embed/card/${encodeURIComponent(jwt!)}/query/${format!}`};
    }
    return {kind: 'page', resource, token};
  }
  if (embed === 'embed') return {kind: 'not-found-page'};
  return {kind: 'unknown'};
}
