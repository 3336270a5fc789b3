// Reads an error response's explanation (see error-body.ts) without letting the read decide
// anything else: it is bounded in size, stops as soon as the request's signal aborts (a
// superseded request or the timeout), and never throws. The status alone still decides retries.
import {explainErrorBody, explanationKind, maxErrorBodyBytes} from './error-body.js';

/** The explanation in this error response, or undefined (none, too large, unreadable, aborted). */
export async function readErrorExplanation(response: Response, signal: AbortSignal): Promise<string | undefined> {
  const contentType = response.headers.get('Content-Type');
  const declaredBytes = Number(response.headers.get('Content-Length') ?? 0);
  const body = response.body;
  if (!body) return undefined;
  if (!explanationKind(contentType) || declaredBytes > maxErrorBodyBytes || signal.aborted) {
    void body.cancel().catch(() => undefined);
    return undefined;
  }
  const text = await readAtMost(body, maxErrorBodyBytes, signal);
  return text === undefined ? undefined : explainErrorBody(contentType, text);
}

/** The whole body as UTF-8, or undefined when it is larger than `maxBytes`, fails or `signal` aborts. */
async function readAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  // No abort listener: fetch errors its body when its signal aborts, which ends the read.
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (signal.aborted) return undefined;
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        void reader.cancel().catch(() => undefined);
        return undefined;
      }
      text += decoder.decode(value, {stream: true});
    }
  } catch {
    return undefined;
  }
}
