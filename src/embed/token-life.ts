// When a token expires and when to renew it, on the browser's clock but measured against
// the server's: the token's `iat`, else the answer's `Date` header, else (last resort) the
// browser's own clock. A browser clock that is off by hours then changes nothing: only the
// lifetime (exp − server now) is used, counted from the moment the answer arrived.

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

/** Reads an HTTP `Date` header into epoch ms; undefined when absent or unreadable. */
export function parseDateHeader(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
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
