// Checks on the request line and headers, made before the body is read.
import {EmbedValidationError} from './validation-error.js';
import {HttpError} from './http-error.js';

export function checkMethod(request: Request): void {
  if (request.method !== 'POST') {
    throw new HttpError(405, `Method ${request.method} is not allowed: use POST`, {Allow: 'POST'});
  }
}

/** `application/json`, optionally with `charset=utf-8` (the only charset JSON uses). */
export function checkContentType(request: Request): void {
  const header = request.headers.get('content-type') ?? '';
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  const charsetOk = charset === undefined || ['utf-8', 'utf8', '"utf-8"'].includes(charset);
  if (mediaType !== 'application/json' || !charsetOk) {
    const got = header === '' ? 'none' : JSON.stringify(header);
    throw new HttpError(415, `Content-Type must be application/json, got ${got}`);
  }
}

/** Requires an `Origin` header from the list; no header is refused too, since browsers send one on POST. */
export function checkOrigin(request: Request, allowedOrigins: ReadonlySet<string> | undefined): void {
  if (allowedOrigins === undefined) return;
  const origin = request.headers.get('origin');
  if (origin === null || !allowedOrigins.has(origin)) {
    const got = origin === null ? 'no Origin header' : `Origin ${JSON.stringify(origin)}`;
    throw new HttpError(403, `Cross-origin request refused: ${got} is not in allowedOrigins`);
  }
}

/**
 * A browser marks a request from another site `Sec-Fetch-Site: cross-site`, and page
 * scripts cannot forge that header. Without `allowedOrigins` no other site is expected,
 * so such a request is refused (CORS already keeps its answer from the page; this keeps
 * the request from being served at all). With the list, checkOrigin has vouched for it.
 */
export function checkFetchSite(request: Request, allowedOrigins: ReadonlySet<string> | undefined): void {
  if (allowedOrigins !== undefined) return;
  if (request.headers.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') {
    throw new HttpError(
      403,
      'Cross-site request refused (Sec-Fetch-Site: cross-site): list the calling origin in allowedOrigins to accept it',
    );
  }
}

/** Validates `allowedOrigins` when the handler is created: each entry is a bare origin. */
export function parseAllowedOrigins(value: unknown): ReadonlySet<string> | undefined {
  if (value === undefined) return undefined;
  const field = 'allowedOrigins';
  if (!Array.isArray(value) || value.length === 0) {
    throw new EmbedValidationError(
      field,
      `${field} must be a non-empty array of origins such as "https://app.example.com"`,
    );
  }
  return new Set(value.map((entry: unknown, index) => parseOrigin(entry, `${field}[${index}]`)));
}

function parseOrigin(entry: unknown, field: string): string {
  let origin: string | undefined;
  try {
    origin = typeof entry === 'string' ? new URL(entry).origin : undefined;
  } catch {
    origin = undefined;
  }
  if (origin === undefined || origin !== entry || !/^https?:/.test(origin)) {
    throw new EmbedValidationError(
      field,
      `${field} must be an origin, http(s)://host[:port] without a path or a trailing slash, got ${JSON.stringify(entry)}`,
    );
  }
  return origin;
}
