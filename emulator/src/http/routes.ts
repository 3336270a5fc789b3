// Maps request paths to what they ask for. Pure: no I/O, easy to test.

export type ApiRoute =
  | {kind: 'dashboard'; token: string}
  | {kind: 'dashcard-query'; token: string; dashcardId: number; cardId: number; format?: string}
  | {kind: 'card'; token: string}
  | {kind: 'card-query'; token: string; format?: string}
  | {
      kind: 'param-values';
      resource: 'dashboard' | 'card';
      token: string;
      paramId: string;
      verb: 'values' | 'remapping';
      prefix?: string;
    };

export type Route =
  | {kind: 'page'; resource: 'dashboard' | 'question'; token: string}
  | {kind: 'api'; route: ApiRoute | undefined}
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

const positiveInt = (text: string | undefined) => (text && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : undefined);

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined; // malformed percent-encoding
  }
}

function apiRoute(parts: string[]): ApiRoute | undefined {
  const [resource, token, section, a, b, c, d, ...rest] = parts;
  if (!token || rest.length > 0) return undefined;
  if (resource === 'dashboard') {
    if (section === undefined) return {kind: 'dashboard', token};
    const dashcardId = positiveInt(a);
    const cardId = positiveInt(c);
    if (section === 'dashcard' && dashcardId && b === 'card' && cardId) {
      return {kind: 'dashcard-query', token, dashcardId, cardId, ...(d ? {format: d} : {})};
    }
  }
  if (resource === 'card') {
    if (section === undefined) return {kind: 'card', token};
    if (section === 'query' && b === undefined) return {kind: 'card-query', token, ...(a ? {format: a} : {})};
  }
  if ((resource === 'dashboard' || resource === 'card') && section === 'params' && a && d === undefined) {
    if ((b === 'values' || b === 'remapping') && c === undefined)
      return {kind: 'param-values', resource, token, paramId: a, verb: b};
    if (b === 'search' && c) return {kind: 'param-values', resource, token, paramId: a, verb: 'values', prefix: c};
  }
  return undefined;
}

export function matchRoute(pathname: string): Route {
  if (pathname in ASSET_PATHS) return {kind: 'asset', name: ASSET_PATHS[pathname as keyof typeof ASSET_PATHS]};
  const parts = decodeSegments(pathname);
  if (!parts) return {kind: 'unknown'};
  if (parts[0] === 'api' && parts[1] === 'embed') return {kind: 'api', route: apiRoute(parts.slice(2))};
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
