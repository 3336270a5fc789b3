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

function numericClaim(payload: Record<string, unknown>, name: 'exp' | 'iat'): number | undefined | 'invalid' {
  const value = payload[name];
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : 'invalid';
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
  const exp = numericClaim(payload, 'exp');
  const iat = numericClaim(payload, 'iat');
  if (exp === 'invalid') return {problem: 'The token\'s "exp" claim must be a number of seconds.'};
  if (iat === 'invalid') return {problem: 'The token\'s "iat" claim must be a number of seconds.'};
  const claims: TokenClaims = {resource, params: params as EmbedParams};
  if (exp !== undefined) claims.exp = exp;
  if (iat !== undefined) claims.iat = iat;
  return {claims};
}
