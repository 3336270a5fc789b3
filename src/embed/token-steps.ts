// The token controller's decisions as pure functions: whether the configuration asked for
// needs a request, and what follows a failed attempt (retry, renew later, or give up).
import {maxRetries, retryDelayMs} from './retry.js';
import {renewRetryDelayMs} from './token-life.js';
import type {TokenReason} from './types.js';

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
 * element (20 changes 10 ms apart) makes three requests, the last one within this long of
 * the last change. The first request, reload() and renewals never wait.
 */
export const coalesceMs = 100;

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
