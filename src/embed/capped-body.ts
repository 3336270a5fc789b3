// Reads an answer's body with a size cap, judged before the bytes are kept: a declared
// Content-Length over the cap is refused without reading, and a streamed body (no length,
// or a length that lies) is cut off as soon as it passes the cap.

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
