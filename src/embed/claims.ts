// Reads a signed embed token's claims WITHOUT verifying it: the element holds no secret
// (and must not). Metabase verifies; the element only checks the token is for the resource
// it asked for and reads when it expires.
import {errorText} from './error-text.js';
import {decodeJwtPayload} from './jwt-payload.js';
import {isPlainObject} from './plain-object.js';
import {resourceFromClaim} from './resource.js';
import type {EmbedParams, Resource} from './types.js';

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
