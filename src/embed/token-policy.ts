// Stage 5, the token policy: when a token expires and when to renew it; whether the
// configuration asked for needs a request; what follows a failed attempt (retry with backoff,
// renew later while the old token works, or give up); and whether the page's own token (the
// `token` attribute) may be shown without asking. Pure: times and randomness are passed in.
import {devMode} from '../dev-mode.js';
import {canonicalJson} from './attributes.js';
import type {TokenReason} from './embed-types.js';
import {resolveAnswer, type EmbedTarget} from './token-answer.js';
import type {Configuration} from './token-request.js';

// ---- A token's life ----

// On the browser's clock but measured against the server's: the token's `iat`, else the
// answer's `Date` header, else (last resort) the browser's own clock. A browser clock that is
// off by hours then changes nothing: only the lifetime (exp − server now) is used, counted
// from the moment the answer arrived.

/** Renew at this share of the lifetime... */
const renewShare = 0.8;
/** ...and at least this long before `exp` where the lifetime allows... */
const renewMarginMs = 60_000;
/** ...but never sooner than this share of the lifetime (no request storm from short tokens)... */
const minimumRenewShare = 0.5;
/** ...and never sooner than this after the answer, whatever the lifetime. */
const minimumRenewDelayMs = 5_000;

type ClockSource = 'iat' | 'date-header' | 'browser';

interface TokenLifeInput {
  /** The token's `exp`, seconds (server clock); undefined when the token never expires. */
  exp?: number | undefined;
  /** The token's `iat`, seconds (server clock). */
  iat?: number | undefined;
  /** The answer's `Date` header, epoch ms (server clock), when readable. */
  serverDateMs?: number | undefined;
  /** When the answer arrived, epoch ms (browser clock). */
  receivedAtMs: number;
}

export interface TokenLife {
  /** Epoch ms on the browser's clock, or null for a token without `exp`. */
  expiresAt: number | null;
  /** Epoch ms on the browser's clock when the token should be renewed (Infinity: never). */
  renewAt: number;
  /** The lifetime in ms as the server counts it (Infinity without `exp`). */
  lifetimeMs: number;
  clock: ClockSource;
}

/** How long after the answer to renew a token that lives `lifetimeMs`. */
export function renewDelayMs(lifetimeMs: number): number {
  const preferred = Math.min(lifetimeMs * renewShare, lifetimeMs - renewMarginMs);
  return Math.max(preferred, lifetimeMs * minimumRenewShare, minimumRenewDelayMs);
}

function serverNow(input: TokenLifeInput): {ms: number; clock: ClockSource} {
  if (input.iat !== undefined) return {ms: input.iat * 1000, clock: 'iat'};
  if (input.serverDateMs !== undefined && Number.isFinite(input.serverDateMs)) {
    return {ms: input.serverDateMs, clock: 'date-header'};
  }
  return {ms: input.receivedAtMs, clock: 'browser'};
}

/** The token's life on the browser's clock, or a problem when it was dead on arrival. */
export function planTokenLife(input: TokenLifeInput): {life: TokenLife} | {problem: string} {
  const now = serverNow(input);
  if (input.exp === undefined) {
    return {life: {expiresAt: null, renewAt: Infinity, lifetimeMs: Infinity, clock: now.clock}};
  }
  const lifetimeMs = input.exp * 1000 - now.ms;
  if (lifetimeMs <= 0) {
    const measured = {
      iat: 'its "iat"',
      'date-header': "the answer's Date header",
      browser: 'the browser\'s clock (the token has no "iat"; if this clock is wrong, sign tokens with "iat")',
    }[now.clock];
    return {problem: `The token had already expired when it arrived ("exp" ${input.exp} is not after ${measured}).`};
  }
  return {
    life: {
      expiresAt: input.receivedAtMs + lifetimeMs,
      renewAt: input.receivedAtMs + renewDelayMs(lifetimeMs),
      lifetimeMs,
      clock: now.clock,
    },
  };
}

/** After a renewal finally fails (retryably), try again this long later at the most... */
const renewRetryMaxDelayMs = 30_000;
/** ...and give up (show the error) once less than this is left of the old token. */
const renewRetryMinRemainingMs = 2_000;

/**
 * When a renewal's last retry failed but the token on screen still works: how long to wait
 * before trying again (half the time left, at most 30 s), or null when too little is left
 * and the error should show.
 */
export function renewRetryDelayMs(expiresAt: number | null, now: number): number | null {
  if (expiresAt === null) return renewRetryMaxDelayMs;
  const remaining = expiresAt - now;
  if (remaining < renewRetryMinRemainingMs) return null;
  return Math.min(remaining / 2, renewRetryMaxDelayMs);
}

// ---- The token controller's steps ----

export interface TokenSituation {
  /** The configuration key asked for now. */
  key: string;
  /** reload(): a fresh token whatever the state. */
  reload: boolean;
  now: number;
  inFlight: {key: string; reason: TokenReason} | null;
  /** The key whose last request failed for good, if any. */
  failedKey: string | null;
  token: {key: string; renewAt: number; expiresAt: number | null} | null;
}

/** `valid`: show the token held; `pending`: wait for the request under way; `failed`: show its error. */
type TokenStep = 'valid' | 'pending' | 'failed' | {request: TokenReason};

export function nextTokenStep({key, reload, now, inFlight, failedKey, token}: TokenSituation): TokenStep {
  if (reload) return {request: 'reload'};
  if (inFlight?.key === key) {
    // While a renewal runs, the token it replaces still works (e.g. for a new appearance).
    const expired = token?.expiresAt != null && now >= token.expiresAt;
    return inFlight.reason === 'renew' && !expired ? 'valid' : 'pending';
  }
  if (failedKey === key) return 'failed';
  if (token?.key === key && now < token.renewAt) return 'valid';
  return {request: !token ? 'initial' : token.key === key ? 'renew' : 'params'};
}

/**
 * Requests for new filter values start at most this often: typing in a filter bound to the
 * element (20 changes 10 ms apart, ~200–300 ms in a busy browser) makes at most three requests, the last one within this long of
 * the last change. The first request, reload() and renewals never wait.
 */
export const coalesceMs = 150;

/** How long a request for `reason` waits: 0, or until `coalesceMs` after the previous request started. */
export function requestDelayMs(reason: TokenReason, previousStartAt: number, now: number): number {
  if (reason === 'reload' || reason === 'renew') return 0;
  return Math.max(0, previousStartAt + coalesceMs - now);
}

export interface FailedAttempt {
  retryable: boolean;
  /** Retries already made for this request (0 after its first attempt). */
  retries: number;
  /** The server's `Retry-After`, in ms. */
  retryAfterMs?: number | undefined;
  /** In [0, 1): the backoff's jitter. */
  random: number;
  /** The request renews the token on screen, which still works until `expiresAt`. */
  renewal: boolean;
  expiresAt: number | null;
  now: number;
}

/** Retry the same request, ask again later while the old token works, or give up (null: show the error). */
type AfterFailure = {retryInMs: number} | {renewInMs: number} | null;

export function afterFailure(attempt: FailedAttempt): AfterFailure {
  if (attempt.retryable && attempt.retries < maxRetries) {
    return {retryInMs: retryDelayMs(attempt.retries + 1, attempt.retryAfterMs, attempt.random)};
  }
  const renewInMs = attempt.retryable && attempt.renewal ? renewRetryDelayMs(attempt.expiresAt, attempt.now) : null;
  return renewInMs === null ? null : {renewInMs};
}

// ---- Retries ----

// A retryable failure (token-exchange.ts: isRetryableStatus) is retried three times with
// exponential backoff and jitter (about 0.5 s, 1 s, 2 s), or after the server's `Retry-After`.

export const maxRetries = 3;
const firstRetryDelayMs = 500;

/**
 * The wait before retry number `retry` (1, 2, 3): `Retry-After` when the server gave one,
 * else 0.5 s × 2^(retry−1) with ±25 % jitter. `random` is in [0, 1).
 */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, random: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const base = firstRetryDelayMs * 2 ** (retry - 1);
  return Math.round(base * (0.75 + 0.5 * random));
}

// ---- The page's token ----

// The `token` attribute: a first token the page's server signed and wrote on the tag. It is
// shown without asking the endpoint only when it is exactly what the element would have
// asked for: the same resource, each filter value the element sets signed with that value
// (the token may carry more: the values the server locks), and time left on both clocks.
// Anything else is a warning naming the attribute, and the element asks its endpoint. The
// warning is the development build's (dev-mode.ts): production's problem is '' and unsaid.

export type PageTokenResult = {target: EmbedTarget; life: TokenLife} | {problem: string};

/** Checks the `token` attribute against what the element is configured for, at `now` (browser clock). */
export function readPageToken(token: string, configuration: Configuration, now: number): PageTokenResult {
  const {siteUrl} = configuration;
  if (siteUrl === undefined) {
    return {
      problem: devMode
        ? '"token" needs the "site-url" attribute (Metabase\'s address): the token does not say where Metabase is; asking the endpoint instead.'
        : '',
    };
  }
  const resolved = resolveAnswer({jwt: token.trim()}, configuration.body.resource, siteUrl);
  if ('problem' in resolved)
    return {problem: devMode ? `"token" cannot be shown: ${resolved.problem} Asking the endpoint instead.` : ''};
  const {claims} = resolved.target;
  for (const [slug, value] of Object.entries(configuration.body.params)) {
    const signed = Object.hasOwn(claims.params, slug) ? canonicalJson(claims.params[slug]) : undefined;
    if (signed !== canonicalJson(value)) {
      const was = signed === undefined ? 'without it' : `with ${signed}`;
      return {
        problem: devMode
          ? `"token" was signed for filter "${slug}" ${was}, but the element asks for ${canonicalJson(value)}; asking the endpoint instead.`
          : '',
      };
    }
  }
  // The page may have waited in a cache: the browser's clock may count less time left than
  // the token's own iat → exp. The shorter of the two decides.
  const byBrowser = planTokenLife({exp: claims.exp, receivedAtMs: now});
  const byServer = planTokenLife({exp: claims.exp, iat: claims.iat, receivedAtMs: now});
  if ('problem' in byBrowser || 'problem' in byServer) {
    const on = 'problem' in byBrowser ? "on the browser's clock" : 'by its "iat"';
    return {
      problem: devMode
        ? `"token" has expired ("exp" ${claims.exp} has passed ${on}); asking the endpoint instead.`
        : '',
    };
  }
  const life = byServer.life.lifetimeMs <= byBrowser.life.lifetimeMs ? byServer.life : byBrowser.life;
  return {target: resolved.target, life};
}
