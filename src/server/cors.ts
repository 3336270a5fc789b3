// CORS for an endpoint on another origin than the page (`credentials="include"` on the
// element): only for the origins in `allowedOrigins`, each echoed exactly (never `*`, which
// browsers refuse with credentials), and nothing at all for any other origin, so a browser
// keeps every answer from a page it does not list.
import {errorResponse} from './responses.js';

/** Seconds a browser may reuse a granted preflight (Chromium caps it at 7200). */
export const PREFLIGHT_MAX_AGE = 600;

/** Headers the element reads from a cross-origin answer: the server's clock and a retry delay. */
export const EXPOSED_HEADERS = 'Date, Retry-After';

/** The CORS headers for an answer to `request`: only `Vary: Origin` unless its `Origin` is listed. */
export function corsHeaders(request: Request, allowedOrigins: ReadonlySet<string>): Record<string, string> {
  // Caches must not serve one origin's answer to another.
  const vary = {Vary: 'Origin'};
  const origin = request.headers.get('origin');
  if (origin === null || !allowedOrigins.has(origin)) return vary;
  return {
    ...vary,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
  };
}

/**
 * The answer to a preflight (`OPTIONS`): 204 granting POST with a JSON body and
 * credentials to a listed origin; a 403 without any CORS header to any other, which the
 * browser reports as a failed preflight.
 */
export function preflightResponse(request: Request, allowedOrigins: ReadonlySet<string>): Response {
  const headers = corsHeaders(request, allowedOrigins);
  if (!('Access-Control-Allow-Origin' in headers)) {
    return errorResponse(403, 'Cross-origin request refused: the Origin is not in allowedOrigins', headers);
  }
  return new Response(null, {
    status: 204,
    headers: {
      ...headers,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE),
    },
  });
}

/** `response` with the CORS headers for `request` added. */
export function withCors(response: Response, request: Request, allowedOrigins: ReadonlySet<string>): Response {
  for (const [name, value] of Object.entries(corsHeaders(request, allowedOrigins))) response.headers.set(name, value);
  return response;
}
