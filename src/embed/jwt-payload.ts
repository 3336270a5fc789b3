// A JWT's payload, decoded WITHOUT verifying anything: the element only reads `resource`,
// `params`, `exp` and `iat` (claims.ts), and Metabase checks the signature. Written here
// rather than taken from jose (which signs and verifies on the server): its decoder would
// cost the browser bundle ~0.7 kB gzip for these few lines. It accepts and refuses exactly
// what jose's decodeJwt does (test/embed/jwt-payload.node.test.ts compares the two).
import {isPlainObject} from './plain-object.js';

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
