// Stage 4, the answer: a 2xx answer from the endpoint (or `fetchToken`) → a validated embed
// target. Only an http(s) URL of the form `<site>/embed/<dashboard|question>/<jwt>`, whose
// token names the resource that was asked for, ever gets through to an iframe. The token's
// claims are read WITHOUT verifying it: the element holds no secret (and must not). Metabase
// verifies; the element only checks the token is for the resource it asked for and reads when
// it expires.
import {errorText} from './attributes.js';
import type {EmbedParams, Resource} from './embed-types.js';
import {isPlainObject, ownValue} from './plain-object.js';
import {describeResource, parseHttpUrl, parseResourceId, resourceKind, resourceOf} from './token-request.js';

export interface EmbedTarget {
  /** `<site>/embed/<kind>/<jwt>`, without query or hash (the element writes those). */
  baseUrl: string;
  /** The embed's origin: the only origin its messages are accepted from. */
  origin: string;
  token: string;
  claims: TokenClaims;
}

type AnswerResult = {target: EmbedTarget} | {problem: string};

type Located = {url: string} | {site: string; token: string} | {problem: string};

function locate(answer: unknown, siteUrl: string | undefined): Located {
  if (!isPlainObject(answer)) {
    return {problem: 'The answer must be a JSON object with "url", "token" (and "siteUrl") or "jwt".'};
  }
  const url = ownValue(answer, 'url');
  if (url !== undefined) {
    return typeof url === 'string' ? {url} : {problem: 'The answer\'s "url" must be a string.'};
  }
  const token = ownValue(answer, 'token') ?? ownValue(answer, 'jwt');
  if (token === undefined) return {problem: 'The answer has none of "url", "token" or "jwt".'};
  if (!looksLikeJwt(token)) return {problem: "The answer's token is not a JWT (header.payload.signature)."};
  const site = ownValue(answer, 'token') !== undefined ? (ownValue(answer, 'siteUrl') ?? siteUrl) : siteUrl;
  if (typeof site !== 'string') {
    return {problem: 'The answer holds a token but no site: answer "siteUrl" or set the "site-url" attribute.'};
  }
  return {site, token};
}

/**
 * Validates an answer for `resource`. `siteUrl` is the `site-url` attribute: it gives the site
 * for `{jwt}` answers and, when set, is the only site an embed URL may point to.
 */
export function resolveAnswer(answer: unknown, resource: Resource, siteUrl?: string): AnswerResult {
  const found = locate(answer, siteUrl);
  if ('problem' in found) return found;
  const kind = resourceKind(resource);
  const url = parseHttpUrl(
    'url' in found ? found.url : `${found.site.replace(/\/+$/, '')}/embed/${kind}/${found.token}`,
  );
  if (!url) return {problem: 'The embed URL must be an absolute http(s) URL without credentials.'};
  const match = /^(.*)\/embed\/(dashboard|question)\/([^/]+)$/.exec(url.pathname);
  if (!match || !looksLikeJwt(match[3])) {
    return {
      problem: `The embed URL's path must be /embed/dashboard/<jwt> or /embed/question/<jwt>; got ${JSON.stringify(url.pathname)}.`,
    };
  }
  if (match[2] !== kind) return {problem: `The embed URL shows a ${match[2]}, but a ${kind} was asked for.`};
  if (siteUrl !== undefined) {
    const site = parseHttpUrl(siteUrl);
    if (!site || site.origin !== url.origin) {
      return {problem: `The embed URL's origin ${url.origin} is not the "site-url" attribute's origin.`};
    }
  }
  const read = readClaims(match[3]);
  if ('problem' in read) return read;
  // Both are parsed ids (parseResourceId), so equal labels mean the same resource.
  const tokenFor = describeResource(read.claims.resource);
  const askedFor = describeResource(resource);
  if (tokenFor !== askedFor) return {problem: `The token is for ${tokenFor}, but ${askedFor} was asked for.`};
  return {target: {baseUrl: `${url.origin}${url.pathname}`, origin: url.origin, token: match[3], claims: read.claims}};
}

// ---- Claims ----

export interface TokenClaims {
  resource: Resource;
  /** The token's `params` (the slugs it sets cannot also go in the URL). */
  params: EmbedParams;
  /** Seconds since the epoch, server clock. */
  exp?: number;
  /** Seconds since the epoch, server clock: when the token was signed. */
  iat?: number;
}

const jwtShape = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(text: unknown): text is string {
  return typeof text === 'string' && jwtShape.test(text);
}

/** The claims the element needs, or a problem naming the claim at fault. */
export function readClaims(token: string): {claims: TokenClaims} | {problem: string} {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwtPayload(token);
  } catch (error) {
    return {problem: `The token is not a readable JWT (${errorText(error)}).`};
  }
  const resource = resourceFromClaim(payload.resource);
  if (!resource) return {problem: 'The token has no valid "resource" claim ({"dashboard": id} or {"question": id}).'};
  const params = payload.params ?? {};
  if (!isPlainObject(params)) {
    return {problem: 'The token\'s "params" claim must be an object.'};
  }
  const claims: TokenClaims = {resource, params: params as EmbedParams};
  for (const name of ['exp', 'iat'] as const) {
    const value = payload[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return {problem: `The token's "${name}" claim must be a number of seconds.`};
    claims[name] = value;
  }
  return {claims};
}

/**
 * Reads a token's `resource` claim; numeric strings count as the number (the claim
 * `{"dashboard": "12"}` names dashboard 12). Undefined when the claim is not a resource.
 */
export function resourceFromClaim(claim: unknown): Resource | undefined {
  if (!isPlainObject(claim)) return undefined;
  const [kind, ...others] = Object.keys(claim);
  if (others.length > 0 || (kind !== 'dashboard' && kind !== 'question')) return undefined;
  const raw = claim[kind];
  const id = typeof raw === 'number' || typeof raw === 'string' ? parseResourceId(String(raw)) : undefined;
  return id === undefined ? undefined : resourceOf(kind, id);
}

// ---- The token's payload ----

// Decoded WITHOUT verifying anything, for the claims above. Written here rather than taken
// from jose (which signs and verifies on the server): its decoder would cost the browser
// bundle ~0.7 kB gzip for these few lines. It accepts and refuses exactly what jose's
// decodeJwt does (test/embed/token-answer/jwt-payload.node.test.ts compares the two).

const strictUtf8 = new TextDecoder('utf-8', {fatal: true});

/** The payload of a compact JWS (`header.payload.signature`) as a JSON object; throws otherwise. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const [, payload, ...rest] = token.split('.');
  // base64url only: atob alone would also take base64's + and /.
  if (rest.length !== 1 || !payload || /[+/]/.test(payload)) throw new Error('not three base64url parts');
  let claims: unknown;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    claims = JSON.parse(strictUtf8.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
  } catch {
    throw new Error('payload not JSON in base64url');
  }
  if (!isPlainObject(claims)) throw new Error('payload not a JSON object');
  return claims;
}
