// Retry policy for token requests: network errors, timeouts, 5xx, 408 and 429 are retried
// three times with exponential backoff and jitter (about 0.5 s, 1 s, 2 s); `Retry-After`
// is honoured. Other 4xx mean the request itself is refused: asking again cannot help.

export const maxRetries = 3;
/** setTimeout's limit (2³¹ − 1 ms): a longer delay would fire at once. */
export const maxTimerDelayMs = 2 ** 31 - 1;
const firstRetryDelayMs = 500;
/** The longest `Retry-After` the element waits; a longer one is cut to this. */
export const maxRetryAfterMs = 5 * 60_000;

/** Whether a failure with this HTTP status (undefined: no answer at all) is worth retrying. */
export function isRetryableStatus(status: number | undefined): boolean {
  if (status === undefined) return true;
  return status >= 500 || status === 408 || status === 429;
}

/**
 * Reads `Retry-After`: whole seconds or an HTTP date. `nowMs` is the browser's clock, used
 * only for the date form. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, maxRetryAfterMs);
  // An HTTP date always names its weekday or month; Date.parse alone would read "-1" as a year.
  const date = /[A-Za-z]/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(date)) return undefined;
  return Math.min(Math.max(date - nowMs, 0), maxRetryAfterMs);
}

/**
 * The wait before retry number `retry` (1, 2, 3): `Retry-After` when the server gave one,
 * else 0.5 s × 2^(retry−1) with ±25 % jitter. `random` is in [0, 1).
 */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, random: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const base = firstRetryDelayMs * 2 ** (retry - 1);
  return Math.round(base * (0.75 + 0.5 * random));
}
