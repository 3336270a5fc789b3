// A 2xx token answer is judged before it is read whole: a declared Content-Length over the
// cap is refused unread, and a streamed answer (no Content-Length) is cut off at the cap. A real loopback server streams 50 MB and counts what it managed to send.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {once} from 'node:events';
import {createServer, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {
  BodyTooLargeError,
  exchangeToken,
  maxAnswerBytes,
  readCappedText,
  TokenRequestError,
} from '../../../src/embed/token-exchange.js';

const TOTAL = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20); // JSON whitespace: the answer would parse if read whole

let server: Server;
let origin = '';
/** Per path: how many bytes the server had written when the connection closed. */
const sent = new Map<string, Promise<number>>();

/** Writes up to TOTAL bytes, honouring backpressure; resolves with what was written when it stops. */
async function stream(response: ServerResponse): Promise<number> {
  let written = 0;
  const closed = once(response, 'close');
  while (written < TOTAL && !response.destroyed) {
    written += CHUNK.length;
    if (!response.write(CHUNK)) await Promise.race([once(response, 'drain'), closed]);
  }
  if (!response.destroyed) response.end();
  return written;
}

before(async () => {
  server = createServer((request, response) => {
    request.resume();
    const path = request.url ?? '/';
    if (path === '/declared') response.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': TOTAL});
    else response.writeHead(200, {'Content-Type': 'application/json'}); // chunked, no length
    sent.set(path, stream(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const body = {resource: {dashboard: 1}, params: {}};

async function refusal(path: string): Promise<TokenRequestError> {
  const source = {endpoint: `${origin}${path}`, credentials: 'same-origin' as const};
  const error: unknown = await exchangeToken(body, source, new AbortController().signal).then(
    () => assert.fail('a 50 MB answer was accepted'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof TokenRequestError, String(error));
  return error;
}

for (const [path, how] of [
  ['/declared', 'a Content-Length of 50 MB: refused before reading'],
  ['/streamed', 'streamed without Content-Length: the read stops at the cap'],
] as const) {
  test(`a 2xx answer of 50 MB, ${how}`, async () => {
    const error = await refusal(path);
    assert.equal(error.reason, 'invalid-answer');
    assert.equal(error.retryable, false);
    assert.equal(error.status, 200);
    assert.equal(
      error.message,
      `The endpoint ${origin}${path} answered 200 with more than ${maxAnswerBytes} bytes (a token answer is a few hundred).`,
    );
    // The client hung up long before the server could send it all.
    const written = await sent.get(path)!;
    assert.ok(written < TOTAL / 4, `the server wrote ${written} of ${TOTAL} bytes`);
  });
}

test('an answer just under the cap is read (the cap is not a guess at the shape)', async () => {
  const local = createServer((_request, response) => {
    const padding = ' '.repeat(maxAnswerBytes - 100);
    response.writeHead(200, {'Content-Type': 'application/json'});
    response.end(`{"url": "https://mb.example/embed/dashboard/x.y.z"}${padding}`.slice(0, maxAnswerBytes));
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  try {
    const port = (local.address() as AddressInfo).port;
    const source = {endpoint: `http://127.0.0.1:${port}/`, credentials: 'same-origin' as const};
    const {answer} = await exchangeToken(body, source, new AbortController().signal);
    assert.deepEqual(answer, {url: 'https://mb.example/embed/dashboard/x.y.z'});
  } finally {
    await new Promise<void>((resolve) => local.close(() => resolve()));
  }
});

test('a Content-Length over the cap is refused without pulling one chunk of the body', async () => {
  let pulls = 0;
  // highWaterMark 0: the stream pulls only when read.
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(10));
      },
    },
    {highWaterMark: 0},
  );
  const response = new Response(body, {headers: {'Content-Length': '1001'}});
  await assert.rejects(readCappedText(response, 1000), (error: unknown) => {
    assert.ok(error instanceof BodyTooLargeError);
    assert.equal(error.message, 'the body is larger than 1000 bytes');
    return true;
  });
  assert.equal(pulls, 0, 'the body was read');
});
