// A 2xx answer from the endpoint (or `fetchToken`) → a validated embed target. Only an
// http(s) URL of the form `<site>/embed/<dashboard|question>/<jwt>`, whose token names the
// resource that was asked for, ever gets through to an iframe.
import {looksLikeJwt, readClaims, type TokenClaims} from './claims.js';
import {isPlainObject, ownValue} from './plain-object.js';
import {describeResource, resourceKind} from './resource.js';
import type {Resource} from './types.js';

export interface EmbedTarget {
  /** `<site>/embed/<kind>/<jwt>`, without query or hash (the element writes those). */
  baseUrl: string;
  /** The embed's origin: the only origin its messages are accepted from. */
  origin: string;
  token: string;
  claims: TokenClaims;
}

type AnswerResult = {target: EmbedTarget} | {problem: string};

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
