// A token's life: one request at a time (a newer one aborts it, and a late answer to an old
// one is dropped), retries with backoff, a per-attempt timeout, renewal before `exp`, and
// renewal at once when the page becomes visible again or comes back online. A renewal that
// fails for a passing reason keeps the working token and tries again later, until the token
// is about to lapse. While the host is disconnected nothing runs: no request, no timer, no
// listener.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {resolveAnswer, type EmbedTarget} from '../embed/answer.js';
import type {Configuration} from '../embed/configuration.js';
import {exchangeToken, TokenRequestError} from '../embed/exchange.js';
import {maxRetries, retryDelayMs} from '../embed/retry.js';
import {planTokenLife, renewRetryDelayMs, type TokenLife} from '../embed/token-life.js';
import type {MetabaseEmbedErrorDetail, TokenReason} from '../embed/types.js';

export interface AcceptedToken {
  /** The configuration key it was asked for. */
  key: string;
  target: EmbedTarget;
  life: TokenLife;
  reason: TokenReason;
}

export interface TokenCallbacks {
  /** Something changed that the host should look at (a token is due, a request ended). */
  reconsider(): void;
  onToken(token: AcceptedToken): void;
  /** Every failed attempt; `willRetry` false on the last one. */
  onError(detail: MetabaseEmbedErrorDetail): void;
}

export type TokenStatus = 'valid' | 'pending' | 'failed';

interface InFlight {
  key: string;
  reason: TokenReason;
  abort: AbortController;
}

/** setTimeout's limit: a longer delay would fire at once. */
const maxTimerDelayMs = 2 ** 31 - 1;

export class TokenController implements ReactiveController {
  /** The last token accepted (it may be due for renewal). */
  token: AcceptedToken | null = null;
  /** Counts accepted tokens: tells one acceptance from the next. */
  serial = 0;
  private inFlight: InFlight | null = null;
  private failed: {key: string; retryable: boolean} | null = null;
  private renewTimer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: TokenCallbacks,
  ) {
    host.addController(this);
  }

  /** A request the visitor is waiting for (not a background renewal) is under way. */
  get busy(): boolean {
    return this.inFlight !== null && this.inFlight.reason !== 'renew';
  }

  get requesting(): boolean {
    return this.inFlight !== null;
  }

  /**
   * Makes sure there is a valid token for `configuration`: 'valid' (use `token`), 'pending'
   * (a request is under way; `onToken` follows) or 'failed' (the last request for it failed).
   */
  ensure(configuration: Configuration, timeoutMs: number, reload = false): TokenStatus {
    const {key} = configuration;
    if (reload) return this.start(configuration, 'reload', timeoutMs);
    // While a renewal runs, the token it replaces still works (e.g. for a new appearance).
    if (this.inFlight?.key === key) return this.inFlight.reason === 'renew' && !this.isExpired() ? 'valid' : 'pending';
    if (this.failed?.key === key) return 'failed';
    if (this.token?.key === key && !this.isDue()) {
      this.scheduleRenewal();
      return 'valid';
    }
    const reason: TokenReason = !this.token ? 'initial' : this.token.key === key ? 'renew' : 'params';
    return this.start(configuration, reason, timeoutMs);
  }

  /** Aborts any request and retry, and stops the renewal timer. */
  cancel(): void {
    this.inFlight?.abort.abort(new DOMException('Superseded', 'AbortError'));
    this.inFlight = null;
    clearTimeout(this.renewTimer);
    this.renewTimer = undefined;
  }

  isDue(now = Date.now()): boolean {
    return this.token !== null && now >= this.token.life.renewAt;
  }

  private isExpired(now = Date.now()): boolean {
    const expiresAt = this.token?.life.expiresAt;
    return expiresAt !== undefined && expiresAt !== null && now >= expiresAt;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    window.addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.removeEventListener('online', this.onOnline);
    this.cancel();
    this.failed = null; // a reconnect tries again
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState !== 'visible') return;
    // Back in view after a failure that may have passed (a network blip): try again.
    if (this.failed?.retryable) this.failed = null;
    else if (!this.isDue()) return;
    this.callbacks.reconsider();
  };

  private readonly onOnline = (): void => {
    if (this.failed?.retryable) this.failed = null;
    this.callbacks.reconsider();
  };

  private scheduleRenewal(): void {
    if (this.renewTimer !== undefined || !this.token || this.token.life.renewAt === Infinity) return;
    this.reconsiderIn(this.token.life.renewAt - Date.now());
  }

  private reconsiderIn(delayMs: number): void {
    clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(
      () => {
        this.renewTimer = undefined;
        this.callbacks.reconsider();
      },
      Math.min(Math.max(delayMs, 0), maxTimerDelayMs),
    );
  }

  /** For a renewal out of retries: when to try again while the old token works, or null. */
  private renewAgainInMs(inFlight: InFlight, failure: TokenRequestError): number | null {
    if (!failure.retryable || inFlight.reason !== 'renew' || this.token?.key !== inFlight.key) return null;
    return renewRetryDelayMs(this.token.life.expiresAt, Date.now());
  }

  private start(configuration: Configuration, reason: TokenReason, timeoutMs: number): TokenStatus {
    this.cancel();
    this.failed = null;
    const inFlight: InFlight = {key: configuration.key, reason, abort: new AbortController()};
    this.inFlight = inFlight;
    void this.run(configuration, inFlight, timeoutMs);
    return 'pending';
  }

  private async run(configuration: Configuration, inFlight: InFlight, timeoutMs: number): Promise<void> {
    for (let retry = 0; ; retry++) {
      let failure: TokenRequestError;
      try {
        const token = await this.attempt(configuration, inFlight, timeoutMs);
        if (this.inFlight !== inFlight) return; // superseded: never shown
        this.inFlight = null;
        this.token = token;
        this.serial++;
        this.scheduleRenewal();
        this.callbacks.onToken(token);
        return;
      } catch (error) {
        if (this.inFlight !== inFlight) return;
        failure = error instanceof TokenRequestError ? error : new TokenRequestError('network', String(error), true);
      }
      const retrying = failure.retryable && retry < maxRetries;
      const againInMs = retrying ? null : this.renewAgainInMs(inFlight, failure);
      const detail: MetabaseEmbedErrorDetail = {
        reason: failure.reason,
        message: failure.message,
        willRetry: retrying || againInMs !== null,
      };
      if (failure.status !== undefined) detail.status = failure.status;
      if (!retrying) {
        this.inFlight = null;
        if (againInMs !== null) this.reconsiderIn(againInMs);
        else this.failed = {key: inFlight.key, retryable: failure.retryable};
      }
      this.callbacks.onError(detail);
      if (!retrying) return;
      const waited = await wait(retryDelayMs(retry + 1, failure.retryAfterMs, Math.random()), inFlight.abort.signal);
      if (!waited || this.inFlight !== inFlight) return;
    }
  }

  /** One request with its own timeout; resolves to a validated token or throws TokenRequestError. */
  private async attempt(configuration: Configuration, inFlight: InFlight, timeoutMs: number): Promise<AcceptedToken> {
    const attempt = new AbortController();
    const forward = () => attempt.abort(inFlight.abort.signal.reason);
    inFlight.abort.signal.addEventListener('abort', forward, {once: true});
    const seconds = Math.round(timeoutMs / 100) / 10;
    const timer = setTimeout(
      () => attempt.abort(new TokenRequestError('timeout', `No answer within ${seconds} s.`, true)),
      timeoutMs,
    );
    try {
      const {answer, serverDateMs} = await exchangeToken(configuration.body, configuration.source, attempt.signal);
      const receivedAtMs = Date.now();
      const resolved = resolveAnswer(answer, configuration.body.resource, configuration.siteUrl);
      if ('problem' in resolved) throw new TokenRequestError('invalid-answer', resolved.problem, false);
      const {exp, iat} = resolved.target.claims;
      const planned = planTokenLife({exp, iat, serverDateMs, receivedAtMs});
      if ('problem' in planned) throw new TokenRequestError('invalid-answer', planned.problem, false);
      return {key: inFlight.key, target: resolved.target, life: planned.life, reason: inFlight.reason};
    } finally {
      clearTimeout(timer);
      inFlight.abort.signal.removeEventListener('abort', forward);
    }
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts; leaves no timer behind. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, {once: true});
  });
}
