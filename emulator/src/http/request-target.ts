// What the emulator's server makes of a request line it did not choose: any target (`//[`,
// `//a:b@c`, `*`, `http://x/`), and what Node's parser refuses. A copy of the root package's
// src/server/request-target.ts (toNodeHandler's and the demo's), as this package imports
// nothing of that one; test/machinery/package-copies.node.test.ts keeps the two the same
// below this comment.

/**
 * The target as a URL on a placeholder origin: an origin-form path (`/a?b`, also `//x`,
 * which is a path, never a host) or an absolute-form http(s) URL, as a proxy sends. Else
 * (`*`, `x`, an unparsable URL) undefined: answer 400.
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  if (target === undefined) return undefined;
  try {
    // Appended to an origin, not resolved against it: `//x` stays a path.
    if (target.startsWith('/')) return new URL(`http://target.invalid${target}`);
    if (/^https?:\/\//i.test(target)) {
      const url = new URL(target);
      return new URL(`http://target.invalid${url.pathname}${url.search}`);
    }
  } catch {
    // unparsable: undefined below
  }
  return undefined;
}

/** The answer's text for a target parseRequestTarget refuses. */
export function unusableTargetMessage(target: string | undefined): string {
  const shown = (target ?? '').slice(0, 100);
  return `Request target ${JSON.stringify(shown)} is not usable: send a path such as /a/b, or an http(s) URL.`;
}

/** What node:http's 'clientError' hands over (typed structurally: no Node import here). */
interface ClientErrorSocket {
  readonly writable: boolean;
  end(data: string): unknown;
  destroy(): unknown;
}

/** Node's own statuses for what its parser refuses; anything else is a 400. */
const PARSER_STATUSES: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * A node:http server's 'clientError' listener: a request Node's parser refused (a target
 * such as `x`, a bad header) gets Node's status with a plain-text body saying why, where
 * Node's default sends none.
 */
export function answerClientError(error: {code?: string | undefined}, socket: ClientErrorSocket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const code = error.code ?? '';
  const [status, reason] = Object.hasOwn(PARSER_STATUSES, code) ? PARSER_STATUSES[code]! : [400, 'Bad Request'];
  const body = `${reason}: the request line or its headers could not be read.\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
}
