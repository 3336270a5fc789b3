// Checks a signed embed token the way Metabase does (emulator/README.md#token): its own `alg` checks
// first, then buddy-sign's HS256 verification and its `exp`/`nbf` rules with 60 s leeway.
// Only the messages Metabase produces ever leave this module.
import {base64url, compactVerify} from 'jose';
import {fail} from './api-errors.js';
import {isPlainObject} from './plain-object.js';

export const LEEWAY_SECONDS = 60;
const CORRUPT = 'Message seems corrupt or manipulated';

/** The claims of a token that passed every check. Other claims are kept but never read. */
export interface EmbedClaims {
  resource?: unknown;
  params?: unknown;
  exp?: number | null;
  nbf?: number | null;
  [claim: string]: unknown;
}

function decodeJsonSegment(segment: string | undefined): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(base64url.decode(segment ?? '')));
  } catch {
    return fail(CORRUPT);
  }
}

/** Metabase reads `alg` before verifying anything, so these two messages win over the rest. */
function checkAlgorithm(header: unknown): void {
  const alg = isPlainObject(header) ? header.alg : undefined;
  if (alg === undefined || alg === null) fail('JWT is missing `alg`.');
  if (alg === 'none') fail('JWT `alg` cannot be `none`.');
  if (alg !== 'HS256') fail(CORRUPT); // buddy-sign unsigns with HS256 only
}

function checkTimes(claims: EmbedClaims, nowSeconds: number): void {
  // buddy-sign skips a nil claim, so `exp: null` is a token without exp.
  const exp = claims.exp ?? undefined;
  const nbf = claims.nbf ?? undefined;
  for (const [name, value] of [
    ['exp', exp],
    ['nbf', nbf],
  ] as const) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      fail(`Token claim \`${name}\` must be a number of seconds since the epoch.`);
    }
  }
  if (exp !== undefined && exp <= nowSeconds - LEEWAY_SECONDS) fail(`Token is expired (${exp})`);
  if (nbf !== undefined && nbf > nowSeconds + LEEWAY_SECONDS) fail(`Token is not yet valid (${nbf})`);
}

/**
 * Verifies `token` with the secret's UTF-8 bytes and returns its claims, or throws an
 * EmbedError carrying Metabase's message.
 */
export async function verifyEmbedToken(token: string, key: Uint8Array, nowSeconds: number): Promise<EmbedClaims> {
  const segments = token.split('.');
  checkAlgorithm(decodeJsonSegment(segments[0]));
  if (segments.length !== 3) fail(CORRUPT);
  try {
    await compactVerify(token, key, {algorithms: ['HS256']});
  } catch {
    fail(CORRUPT);
  }
  const claims = decodeJsonSegment(segments[1]);
  if (!isPlainObject(claims)) fail(CORRUPT);
  checkTimes(claims, nowSeconds);
  return claims;
}
