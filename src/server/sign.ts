// Signing: HS256 over the claims Metabase reads, keyed by the secret's UTF-8 bytes (the
// 64-character hex string as text, never hex-decoded: emulator/README.md#token).
import {SignJWT} from 'jose';
import {DEFAULT_EXPIRES_IN, epochSeconds, parseExpiresIn, parseSecretKey, parseSiteUrl} from './config.js';
import {parseParams, type EmbedParams} from './token-params.js';
import {parseResource, resourceClaim, type EmbedResource, type ParsedResource} from './token-resource.js';

export interface SignEmbedTokenOptions {
  /** Metabase's embedding secret key: 64 hex characters. */
  secretKey: string;
  /** `{dashboard: id}` or `{question: id}`. */
  resource: EmbedResource;
  /** Filter values by slug; default `{}`. */
  params?: EmbedParams | undefined;
  /** Token lifetime in whole seconds, 1 to 86400; default 600. */
  expiresIn?: number | undefined;
  /** The signing time (for tests and replays); default the current time. */
  now?: Date | undefined;
}

export interface SignEmbedUrlOptions extends SignEmbedTokenOptions {
  /** Metabase's address, http(s); a trailing slash is dropped. */
  siteUrl: string;
}

/** The claims of an embed token. Metabase ignores `iat`; the element reads it. */
export interface EmbedClaims {
  resource: EmbedResource;
  params: EmbedParams;
  iat: number;
  exp: number;
}

const textEncoder = new TextEncoder();

export function embedClaims(
  resource: ParsedResource,
  params: EmbedParams,
  expiresIn: number,
  issuedAt: number,
): EmbedClaims {
  return {resource: resourceClaim(resource), params, iat: issuedAt, exp: issuedAt + expiresIn};
}

/** The key as a CryptoKey, for callers that sign many tokens with one secret. */
export function importSigningKey(secretKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', textEncoder.encode(secretKey), {name: 'HMAC', hash: 'SHA-256'}, false, [
    'sign',
  ]);
}

export function signClaims(claims: EmbedClaims, key: CryptoKey | Uint8Array): Promise<string> {
  return new SignJWT({...claims}).setProtectedHeader({alg: 'HS256', typ: 'JWT'}).sign(key);
}

/** `<site>/embed/<dashboard|question>/<jwt>` */
export function embedUrl(siteUrl: string, resource: ParsedResource, token: string): string {
  return `${siteUrl}/embed/${resource.type}/${token}`;
}

/** Signs a Metabase embed token. Rejects, naming the option, on any malformed input. */
export async function signEmbedToken(options: SignEmbedTokenOptions): Promise<string> {
  return (await signValidated(options)).token;
}

/** Signs a token and returns the embed URL `<siteUrl>/embed/<type>/<jwt>`. */
export async function signEmbedUrl(options: SignEmbedUrlOptions): Promise<string> {
  const siteUrl = parseSiteUrl(options.siteUrl);
  const {resource, token} = await signValidated(options);
  return embedUrl(siteUrl, resource, token);
}

async function signValidated(options: SignEmbedTokenOptions) {
  const secretKey = parseSecretKey(options.secretKey);
  const resource = parseResource(options.resource);
  const params = parseParams(options.params ?? {});
  const expiresIn = parseExpiresIn(options.expiresIn ?? DEFAULT_EXPIRES_IN);
  const issuedAt = epochSeconds(options.now ?? new Date());
  const claims = embedClaims(resource, params, expiresIn, issuedAt);
  return {resource, token: await signClaims(claims, textEncoder.encode(secretKey))};
}
