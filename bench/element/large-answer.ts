// A 50 MB 2xx answer from the token endpoint (loopback, in Node): how long the element's
// token exchange takes to give up on it (exchangeToken, capped at 64 KB), next to reading
// it whole as the exchange did before (`response.json()`), with a Content-Length and
// streamed without one.
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {exchangeToken} from '../../src/embed/token-exchange.js';
import type {PlainSection} from '../lib/context.js';
import {ratio, summarize} from '../lib/stats.js';
import {spread} from '../lib/table.js';

const TOTAL = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x20);
// A JSON answer: 50 MB of whitespace, then the object (a whole read parses it).
const TAIL = Buffer.from('{"url":"https://mb.example/embed/dashboard/x.y.z"}');

/** The answer, chunk by chunk. */
function* body(): Generator<Buffer> {
  for (let sent = 0; sent < TOTAL; sent += CHUNK.length) yield CHUNK;
  yield TAIL;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run().catch(() => undefined); // the capped read rejects: only the time counts
  return performance.now() - start;
}

export const largeAnswer: PlainSection = async ({runs}) => {
  const server = createServer((request, response) => {
    request.resume();
    const declared = request.url === '/declared';
    response.writeHead(200, {
      'Content-Type': 'application/json',
      ...(declared && {'Content-Length': String(TOTAL + TAIL.length)}),
    });
    // pipeline waits for 'drain' and lets go of its listeners when the client hangs up.
    pipeline(Readable.from(body()), response).catch(() => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rows = [];
  try {
    for (const [path, how] of [
      ['/declared', 'with Content-Length is refused (Node)'],
      ['/streamed', 'streamed without length is refused'],
    ] as const) {
      const endpoint = `${origin}${path}`;
      const ours: number[] = [];
      const whole: number[] = [];
      for (let run = 0; run < runs; run++) {
        const body = {resource: {dashboard: 1}, params: {}};
        ours.push(
          await timed(() => exchangeToken(body, {endpoint, credentials: 'same-origin'}, AbortSignal.timeout(60_000))),
        );
        whole.push(await timed(async () => (await fetch(endpoint, {method: 'POST'})).json()));
      }
      const oursSummary = summarize(ours);
      const wholeSummary = summarize(whole);
      rows.push({
        item: '8 large answer',
        measure: `ms until a 50 MB 2xx token answer ${how}`,
        ours: spread(oursSummary, 1),
        baselineName: 'read whole (response.json(), before the cap)',
        baseline: spread(wholeSummary, 0),
        comparison: ratio(oursSummary.median, wholeSummary.median),
      });
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return rows;
};
