// Reads an error response's explanation (see error-body.ts) without letting the read decide
// anything else: it is bounded in size, stops as soon as the request's signal aborts (a
// superseded request or the timeout), and never throws. The status alone still decides retries.
import {readCappedText} from './capped-body.js';
import {explainErrorBody, explanationKind, maxErrorBodyBytes} from './error-body.js';

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
