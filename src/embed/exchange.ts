// One token request: POST {resource, params} to the host app's endpoint, or call its
// `fetchToken`. Failures become a TokenRequestError saying why and whether it is worth
// another try; validating the answer is answer.ts's job.
import {BodyTooLargeError, readCappedText} from './capped-body.js';
import {readErrorExplanation} from './error-response.js';
import {errorText} from './error-text.js';
import {isRetryableStatus, parseRetryAfter} from './retry.js';
import {parseDateHeader} from './token-life.js';
import type {EmbedErrorReason, FetchToken, TokenRequestBody} from './types.js';
import {unreachableMessage} from './unreachable.js';

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

export interface TokenSource {
  /** The signing endpoint, an absolute http(s) URL. Ignored when `fetchToken` is set. */
  endpoint?: string;
  credentials: 'same-origin' | 'include';
  fetchToken?: FetchToken;
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
