// A token's life: one request at a time (a newer one aborts it, and a late answer to an old
// one is dropped), new filter values asked for at most every 150 ms (the latest values when
// the wait ends: embed/token-policy.ts's requestDelayMs), retries with backoff, a per-attempt
// timeout, renewal before `exp`, and renewal at once when the page becomes visible again or
// comes back online. A renewal that fails for a passing reason keeps the working token and
// tries again later, until the token is about to lapse. The decisions are
// embed/token-policy.ts; this file runs them. While the host is disconnected nothing runs: no
// request, no timer, no listener.
import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import {maxTimerDelayMs} from '../embed/attributes.js';
import type {MetabaseEmbedErrorDetail, TokenReason} from '../embed/embed-types.js';
import {type EmbedTarget, resolveAnswer} from '../embed/token-answer.js';
import {exchangeToken, TokenRequestError} from '../embed/token-exchange.js';
import {afterFailure, nextTokenStep, planTokenLife, requestDelayMs, type TokenLife} from '../embed/token-policy.js';
import type {Configuration} from '../embed/token-request.js';

interface AcceptedToken {
  /** The configuration key it was asked for. */
  key: string;
  target: EmbedTarget;
  life: TokenLife;
  reason: TokenReason;
}

interface TokenCallbacks {
  /** Something changed that the host should look at (a token is due, a failure may have passed). */
  reconsider(): void;
  onToken(token: AcceptedToken): void;
  /** Every failed attempt; `willRetry` false on the last one. */
  onError(detail: MetabaseEmbedErrorDetail): void;
}

interface InFlight {
  key: string;
  reason: TokenReason;
  abort: AbortController;
}

export class TokenController implements ReactiveController {
  /** The last token accepted (it may be due for renewal). */
  token: AcceptedToken | null = null;
  /** The last request's final failure, shown until a new request starts. */
  failure: (MetabaseEmbedErrorDetail & {key: string; retryable: boolean}) | null = null;
  #inFlight: InFlight | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last request started (Date.now()). */
  #lastStartAt = -Infinity;
  /** A request for new values waits (requestDelayMs); the timer brings it. */
  #waiting = false;

  readonly #callbacks: TokenCallbacks;

  constructor(host: ReactiveControllerHost, callbacks: TokenCallbacks) {
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** A request the visitor is waiting for (not a background renewal) is under way. */
  get busy(): boolean {
    return this.#waiting || (this.#inFlight !== null && this.#inFlight.reason !== 'renew');
  }

  get requesting(): boolean {
    return this.#waiting || this.#inFlight !== null;
  }

  /**
   * Makes sure there is a valid token for `configuration`: true when `token` may be shown;
   * otherwise a request is under way (`onToken` follows) or the last one failed (`failure`).
   */
  ensure(configuration: Configuration, timeoutMs: number, reload: boolean): boolean {
    // A request for something no longer asked for must never answer.
    if (this.#inFlight && this.#inFlight.key !== configuration.key) this.cancel();
    const step = nextTokenStep({
      key: configuration.key,
      reload,
      now: Date.now(),
      inFlight: this.#inFlight,
      failedKey: this.failure?.key ?? null,
      token: this.token && {key: this.token.key, ...this.token.life},
    });
    const delayMs = typeof step === 'object' ? requestDelayMs(step.request, this.#lastStartAt, Date.now()) : 0;
    this.#waiting = delayMs > 0;
    if (this.#waiting) this.#reconsiderIn(delayMs, true);
    else if (typeof step === 'object') this.#start(configuration, step.request, timeoutMs);
    else if (step === 'valid' && !this.#inFlight) this.#reconsiderIn(this.token!.life.renewAt - Date.now());
    return step === 'valid';
  }

  /** Takes a token the page's server signed for `key` (embed/token-policy.ts: readPageToken checked it) in place of a request. */
  adopt(key: string, target: EmbedTarget, life: TokenLife): AcceptedToken {
    this.cancel();
    this.failure = null;
    this.token = {key, target, life, reason: 'page'};
    return this.token;
  }

  /** Aborts any request and retry, and stops the renewal timer. */
  cancel(): void {
    this.#inFlight?.abort.abort(new DOMException('Superseded', 'AbortError'));
    this.#inFlight = null;
    this.#waiting = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    window.addEventListener('online', this.#wakeUp);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    window.removeEventListener('online', this.#wakeUp);
    this.cancel();
    this.failure = null; // a reconnect tries again
  }

  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.#wakeUp();
  };

  // Back in view or online: a failure that may have passed (a network blip) is tried again,
  // and a token whose renewal timer ran late (a background tab) is renewed.
  readonly #wakeUp = (): void => {
    if (this.failure?.retryable) this.failure = null;
    this.#callbacks.reconsider();
  };

  /** Asks the host to look again after `delayMs`; `replace`: instead of the timer set, if any. */
  #reconsiderIn(delayMs: number, replace = false): void {
    if (replace) clearTimeout(this.#timer);
    else if (this.#timer !== undefined || delayMs === Infinity) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#callbacks.reconsider();
      },
      Math.min(Math.max(delayMs, 0), maxTimerDelayMs),
    );
  }

  #start(configuration: Configuration, reason: TokenReason, timeoutMs: number): void {
    this.cancel();
    this.failure = null;
    const inFlight: InFlight = {key: configuration.key, reason, abort: new AbortController()};
    this.#inFlight = inFlight;
    this.#lastStartAt = Date.now();
    void this.#run(configuration, inFlight, timeoutMs);
  }

  async #run(configuration: Configuration, inFlight: InFlight, timeoutMs: number): Promise<void> {
    for (let retries = 0; ; retries++) {
      let failure: TokenRequestError;
      try {
        const token = await this.#attempt(configuration, inFlight, timeoutMs);
        if (this.#inFlight !== inFlight) return; // superseded: never shown
        this.#inFlight = null;
        this.token = token;
        this.#reconsiderIn(token.life.renewAt - Date.now());
        this.#callbacks.onToken(token);
        return;
      } catch (error) {
        if (this.#inFlight !== inFlight) return;
        failure = error instanceof TokenRequestError ? error : new TokenRequestError('network', String(error), true);
      }
      const next = afterFailure({
        retryable: failure.retryable,
        retries,
        retryAfterMs: failure.retryAfterMs,
        random: Math.random(),
        renewal: inFlight.reason === 'renew' && this.token?.key === inFlight.key,
        expiresAt: this.token?.life.expiresAt ?? null,
        now: Date.now(),
      });
      const detail: MetabaseEmbedErrorDetail = {
        reason: failure.reason,
        message: failure.message,
        ...(failure.status === undefined ? {} : {status: failure.status}),
        willRetry: next !== null,
      };
      if (!next || 'renewInMs' in next) {
        this.#inFlight = null;
        if (next) this.#reconsiderIn(next.renewInMs);
        else this.failure = {...detail, key: inFlight.key, retryable: failure.retryable};
      }
      this.#callbacks.onError(detail);
      if (!next || 'renewInMs' in next) return;
      const waited = await wait(next.retryInMs, inFlight.abort.signal);
      if (!waited || this.#inFlight !== inFlight) return;
    }
  }

  /** One request with its own timeout; resolves to a validated token or throws TokenRequestError. */
  async #attempt(configuration: Configuration, inFlight: InFlight, timeoutMs: number): Promise<AcceptedToken> {
    const attempt = new AbortController();
    const forward = () => attempt.abort(inFlight.abort.signal.reason);
    inFlight.abort.signal.addEventListener('abort', forward, {once: true});
    const timer = setTimeout(
      () => attempt.abort(new TokenRequestError('timeout', `No answer within ${timeoutMs / 1000} s.`, true)),
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
