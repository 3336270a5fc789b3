// `checkWithMetabase`: before a signed URL goes to the browser, the handler asks Metabase
// itself whether it will show it (GET /api/embed/<dashboard|card>/<token>, the request the
// embed page makes first). Metabase's refusal ("Embedding is not enabled for this object.",
// "Message seems corrupt or manipulated" for a wrong secret) is otherwise only visible
// inside the cross-origin iframe; this way the element's error state shows it.
import {readErrorExplanation} from '../embed/token-exchange.js';
import {EmbedValidationError} from './validation-error.js';
import {HttpError} from './http-error.js';
import type {ParsedResource} from './token-resource.js';
import {describeValue} from './values.js';

export interface MetabaseCheckOptions {
  /** Seconds to wait for Metabase's answer (above 0, at most 60); default 5, then 504. */
  timeout?: number | undefined;
}

export const DEFAULT_CHECK_TIMEOUT = 5;
const MAX_CHECK_TIMEOUT = 60;

/** Checks an embed token with Metabase; resolves when Metabase shows it, throws an HttpError otherwise. */
export type MetabaseCheck = (resource: ParsedResource, token: string) => Promise<void>;

/** The check's timeout in milliseconds, or undefined when the option is off. Throws on a bad value. */
export function parseMetabaseCheck(value: unknown, field = 'checkWithMetabase'): number | undefined {
  const rule = `${field} must be true, false or {timeout: seconds above 0 and at most ${MAX_CHECK_TIMEOUT}}`;
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_CHECK_TIMEOUT * 1000;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmbedValidationError(field, `${rule}, got ${describeValue(value)}`);
  }
  const {timeout = DEFAULT_CHECK_TIMEOUT, ...rest} = value as MetabaseCheckOptions;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new EmbedValidationError(field, `${rule}; unknown option ${unknown.join(', ')}`);
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_CHECK_TIMEOUT) {
    throw new EmbedValidationError(`${field}.timeout`, `${rule}, got timeout ${describeValue(timeout)}`);
  }
  return timeout * 1000;
}

/** Where the embed page's first request goes: Metabase names questions "card" in its API. */
export function metabaseCheckUrl(siteUrl: string, resource: ParsedResource, token: string): string {
  return `${siteUrl}/api/embed/${resource.type === 'question' ? 'card' : 'dashboard'}/${token}`;
}

/**
 * The answer the element gets when Metabase did not show the embed: Metabase's own refusal
 * (a 4xx, with its message) is a 424, which the element does not retry; a Metabase that
 * fails or cannot be reached is a 502 or 504, which it retries like any server error.
 */
export function checkFailure(status: number | 'timeout' | 'unreachable', explanation?: string): HttpError {
  if (status === 'timeout') return new HttpError(504, 'Metabase did not answer in time to check this embed');
  if (status === 'unreachable') return new HttpError(502, 'Metabase could not be reached to check this embed');
  if (status >= 500) return new HttpError(502, `Metabase answered HTTP ${status} when checking this embed`);
  return new HttpError(424, `Metabase refused this embed: ${explanation ?? `HTTP ${status}`}`);
}

export function createMetabaseCheck(siteUrl: string, timeoutMs: number): MetabaseCheck {
  return async (resource, token) => {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(metabaseCheckUrl(siteUrl, resource, token), {
        headers: {Accept: 'application/json'},
        signal,
      });
    } catch {
      throw checkFailure(signal.aborted ? 'timeout' : 'unreachable');
    }
    if (response.ok || response.status >= 500) {
      void response.body?.cancel().catch(() => undefined); // only the status matters
      if (response.ok) return;
      throw checkFailure(response.status);
    }
    // Bounded and cleaned of control characters: the text is shown to the visitor.
    throw checkFailure(response.status, await readErrorExplanation(response, signal));
  };
}
