// Test tokens signed with a throwaway key: the element never verifies signatures, it only
// reads claims, so any well-formed HS256 JWT will do.
import {SignJWT, type JWTPayload} from 'jose';

const throwawayKey = new TextEncoder().encode('throwaway-key-for-claims-tests-only-0123456789abcdef');

export async function signTestToken(payload: JWTPayload): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({alg: 'HS256', typ: 'JWT'}).sign(throwawayKey);
}
