// Validation of the settings shared by the signing helpers and the handler. Messages say
// what is wrong without ever echoing the secret key.
import {EmbedValidationError} from './validation-error.js';
import {describeValue} from './values.js';

/** Metabase's embedding secret key format: 64 hex characters, used as UTF-8 bytes. */
const SECRET_KEY = /^[0-9a-fA-F]{64}$/;
export const MIN_EXPIRES_IN = 1;
export const MAX_EXPIRES_IN = 24 * 60 * 60;
export const DEFAULT_EXPIRES_IN = 600;

export function parseSecretKey(value: unknown, field = 'secretKey'): string {
  const rule = `${field} must be Metabase's embedding secret key: 64 hexadecimal characters`;
  if (typeof value !== 'string') {
    throw new EmbedValidationError(field, `${rule}, got ${value === null ? 'null' : typeof value}`);
  }
  if (!SECRET_KEY.test(value)) {
    // Only the length and the kind of fault: a near-miss secret is still a secret.
    const fault = /[^0-9a-fA-F]/.test(value) ? ' including characters outside 0-9 a-f' : '';
    throw new EmbedValidationError(field, `${rule}, got ${value.length} characters${fault}`);
  }
  return value;
}

/** Returns the site's base URL without trailing slashes, e.g. `https://bi.example.com/metabase`. */
export function parseSiteUrl(value: unknown, field = 'siteUrl'): string {
  const rule = `${field} must be an absolute http(s) URL such as "https://metabase.example.com"`;
  if (typeof value !== 'string') throw new EmbedValidationError(field, `${rule}, got ${describeValue(value)}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EmbedValidationError(field, `${rule}; it could not be parsed as a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EmbedValidationError(field, `${rule}; its scheme is ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new EmbedValidationError(field, `${field} must not contain a user name or password`);
  }
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    throw new EmbedValidationError(field, `${field} must not have a query string or a fragment`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export function parseExpiresIn(value: unknown, field = 'expiresIn'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_EXPIRES_IN || value > MAX_EXPIRES_IN) {
    throw new EmbedValidationError(
      field,
      `${field} must be a whole number of seconds from ${MIN_EXPIRES_IN} to ${MAX_EXPIRES_IN} (24 h), got ${describeValue(value)}`,
    );
  }
  return value;
}

/** The longest `bodyTimeout`: beyond a few minutes a slow body is an attack, not a network. */
export const MAX_BODY_TIMEOUT = 300;

export function parseBodyTimeout(value: unknown, field = 'bodyTimeout'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_BODY_TIMEOUT) {
    throw new EmbedValidationError(
      field,
      `${field} must be a number of seconds above 0 and at most ${MAX_BODY_TIMEOUT}, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** Whole seconds since the epoch, the unit of `iat` and `exp`. */
export function epochSeconds(value: unknown, field = 'now'): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new EmbedValidationError(field, `${field} must be a valid Date, got ${describeValue(value)}`);
  }
  return Math.floor(value.getTime() / 1000);
}

/**
 * An environment variable, or undefined. Read through `globalThis.process` so the core
 * needs no Node API: on runtimes without `process` the option must be passed explicitly.
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as {process?: {env?: Record<string, string | undefined>}};
  let value: string | undefined;
  try {
    value = runtime.process?.env?.[name];
  } catch {
    return undefined; // e.g. Deno without --allow-env: then the option is "missing", by name
  }
  return value === '' ? undefined : value;
}
