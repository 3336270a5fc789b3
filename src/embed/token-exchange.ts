// Stage 3, the exchange: one token request. POST {resource, params} to the host app's
// endpoint, or call its `fetchToken`. Failures become a TokenRequestError saying why and
// whether it is worth another try; validating the answer is token-answer.ts's job. Below the
// exchange: the headers it reads, the capped read of a body, a refusal's explanation, and the
// message for an endpoint that could not be reached.
import {errorText} from './attributes.js';
import type {EmbedErrorReason, FetchToken, TokenRequestBody} from './embed-types.js';
import type {TokenSource} from './token-request.js';

export class TokenRequestError extends Error {
  constructor(
    readonly reason: EmbedErrorReason,
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    /** The server's `Retry-After`, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TokenRequestError';
  }
}

/** A 2xx answer larger than this is refused unread: a token answer is a few hundred bytes. */
export const maxAnswerBytes = 64 * 1024;

interface ExchangeResult {
  answer: unknown;
  /** The answer's `Date` header (server clock, epoch ms), when readable. */
  serverDateMs?: number;
}

export async function exchangeToken(
  body: TokenRequestBody,
  source: TokenSource,
  signal: AbortSignal,
): Promise<ExchangeResult> {
  return source.fetchToken ? callFetchToken(source.fetchToken, body, signal) : postToEndpoint(source, body, signal);
}

async function callFetchToken(
  fetchToken: FetchToken,
  body: TokenRequestBody,
  signal: AbortSignal,
): Promise<ExchangeResult> {
  try {
    return {answer: await untilAborted(fetchToken({...body, signal}), signal)};
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    // A rejection may carry an HTTP status (e.g. from an SDK); it then decides as for the endpoint.
    const status = (error as {status?: unknown} | null)?.status;
    const knownStatus = typeof status === 'number' ? status : undefined;
    const message = `fetchToken failed: ${errorText(error)}`;
    throw new TokenRequestError('fetch-token', message, isRetryableStatus(knownStatus), knownStatus);
  }
}

async function postToEndpoint(
  source: TokenSource,
  body: TokenRequestBody,
  signal: AbortSignal,
): Promise<ExchangeResult> {
  const endpoint = source.endpoint ?? '';
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify(body),
      credentials: source.credentials,
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const pageOrigin = (globalThis as {location?: {origin?: string}}).location?.origin;
    const message = unreachableMessage(endpoint, pageOrigin, source.credentials, errorText(error));
    throw new TokenRequestError('network', message, true);
  }
  if (!response.ok) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), Date.now());
    const explanation = await explainRefusal(response, signal);
    const message = `The endpoint ${endpoint} answered HTTP ${response.status}${explanation ? `: ${explanation}` : '.'}`;
    // An abort while the explanation was read keeps this error: the status was already known.
    throw new TokenRequestError('http', message, isRetryableStatus(response.status), response.status, retryAfterMs);
  }
  let text: string;
  try {
    text = await readCappedText(response, maxAnswerBytes);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (!(error instanceof BodyTooLargeError)) {
      throw new TokenRequestError(
        'network',
        `The endpoint ${endpoint}'s answer broke off (${errorText(error)}).`,
        true,
      );
    }
    throw new TokenRequestError(
      'invalid-answer',
      `The endpoint ${endpoint} answered ${response.status} with more than ${maxAnswerBytes} bytes (a token answer is a few hundred).`,
      false,
      response.status,
    );
  }
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new TokenRequestError(
      'invalid-answer',
      `The endpoint ${endpoint} answered ${response.status} but not with JSON.`,
      false,
      response.status,
    );
  }
  const serverDateMs = parseDateHeader(response.headers.get('Date'));
  return serverDateMs === undefined ? {answer} : {answer, serverDateMs};
}

/**
 * A 4xx's explanation (the server saying what the request got wrong, e.g. a filter the
 * browser may not set). A 5xx body is not read: it could carry server internals.
 */
async function explainRefusal(response: Response, signal: AbortSignal): Promise<string | undefined> {
  if (response.status >= 400 && response.status < 500) return readErrorExplanation(response, signal);
  void response.body?.cancel().catch(() => undefined);
}

/** `work`, unless `signal` aborts first (a fetchToken may ignore its signal; the timeout must not). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error); // an AbortSignal's reason: a DOMException or ours
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, {once: true});
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// ---- Headers: Date, Retry-After, and which statuses are worth a retry ----

// Network errors, timeouts, 5xx, 408 and 429 are retried (token-policy.ts says how often and
// how long apart); `Retry-After` is honoured. Other 4xx mean the request itself is refused:
// asking again cannot help.

/** Reads an HTTP `Date` header into epoch ms; undefined when absent or unreadable. */
export function parseDateHeader(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

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

// ---- Bodies, read with a size cap ----

// Judged before the bytes are kept: a declared Content-Length over the cap is refused without
// reading, and a streamed body (no length, or a length that lies) is cut off as soon as it
// passes the cap.

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the body is larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body as UTF-8 text. Throws BodyTooLargeError past `maxBytes`, and whatever the stream
 * throws (a network failure, an abort of the request's signal).
 */
export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  const body = response.body;
  if (!body) return '';
  const declared = Number(response.headers.get('Content-Length') ?? 0);
  if (declared > maxBytes) {
    void body.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) {
      // Released, not left locked: Chromium otherwise counts the finished request as aborted
      // (net::ERR_ABORTED in DevTools) once the response is collected.
      reader.releaseLock();
      return text + decoder.decode();
    }
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    text += decoder.decode(value, {stream: true});
  }
}

// ---- A refusal's explanation ----

// The endpoint's own explanation of a refused request (a 4xx): `{"error": "..."}` (our server
// helper's shape), `{"message": "..."}`, or a short text/plain body. The text comes from the
// network, so it is bounded, cleaned of control characters and only ever shown as text. It is
// read without letting the read decide anything else: bounded in size, stopped as soon as the
// request's signal aborts (a superseded request or the timeout), never throwing. The status
// alone still decides retries.

/** Bodies larger than this are not read: an explanation is a sentence, not a page. */
export const maxErrorBodyBytes = 4096;
/** The longest explanation shown, in characters (code points). */
export const maxExplanationChars = 300;

// C0/C1 controls and the bidirectional overrides/isolates (they can reorder what a reader sees).
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text made safe to show on one line: no controls, whitespace collapsed, bounded. */
export function cleanExplanation(text: string): string | undefined {
  const line = text.replace(unsafe, ' ').replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  const characters = Array.from(line); // never cut a surrogate pair in two
  if (characters.length <= maxExplanationChars) return line;
  return `${characters
    .slice(0, maxExplanationChars - 1)
    .join('')
    .trimEnd()}…`;
}

/** Which kind of body can hold an explanation: JSON, plain text, or neither (HTML, images…). */
export function explanationKind(contentType: string | null): 'json' | 'text' | undefined {
  const mediaType = (contentType ?? '').replace(/;.*/s, '').trim().toLowerCase();
  if (mediaType === 'text/plain') return 'text';
  if (mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType)) return 'json';
  return undefined;
}

/**
 * The explanation in an error body, given its Content-Type: a string `error` (else `message`)
 * of a JSON object, or a text/plain body. Anything else (HTML, malformed JSON) is undefined.
 */
export function explainErrorBody(contentType: string | null, body: string): string | undefined {
  const kind = explanationKind(contentType);
  if (kind === 'text') return cleanExplanation(body);
  if (kind !== 'json') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const {error, message} = parsed as {error?: unknown; message?: unknown};
  const text = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
  return text === undefined ? undefined : cleanExplanation(text);
}

/** The explanation in this error response, or undefined (none, too large, unreadable, aborted). */
export async function readErrorExplanation(response: Response, signal: AbortSignal): Promise<string | undefined> {
  const contentType = response.headers.get('Content-Type');
  if (!explanationKind(contentType) || signal.aborted) {
    void response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  // No abort listener: fetch errors its body when its signal aborts, which ends the read.
  const text = await readCappedText(response, maxErrorBodyBytes).catch(() => undefined);
  return text === undefined || signal.aborted ? undefined : explainErrorBody(contentType, text);
}

// ---- An endpoint that could not be reached ----

// Browsers give a script no reason (just "Failed to fetch" or "NetworkError…"), and for an
// endpoint on another origin the usual one is CORS: the message then says so, and what the
// endpoint must send.

/** `Could not reach the endpoint …`, with the CORS hint when the endpoint is on another origin than the page. */
export function unreachableMessage(
  endpoint: string,
  pageOrigin: string | undefined,
  credentials: 'same-origin' | 'include',
  cause: string,
): string {
  const message = `Could not reach the endpoint ${endpoint} (${cause}).`;
  const endpointOrigin = originOf(endpoint);
  if (pageOrigin === undefined || endpointOrigin === undefined || endpointOrigin === pageOrigin) return message;
  const credentialsHeader = credentials === 'include' ? ' and Access-Control-Allow-Credentials: true' : '';
  return (
    `${message} It is on another origin than this page (${pageOrigin}), so CORS is the likely cause: ` +
    `the endpoint must answer the preflight OPTIONS and the POST with Access-Control-Allow-Origin: ` +
    `${pageOrigin}${credentialsHeader} (metabase-embed/server: list ${pageOrigin} in allowedOrigins).`
  );
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
