// Clients that send their body slowly, or never finish it, over raw loopback sockets: the
// endpoint answers 408 at its body deadline (bodyTimeout) and closes the connection, a
// client that hangs up mid-body gets no 500, and neither holds up other visitors.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {connect, type Socket} from 'node:net';
import {createEmbedHandler, EmbedValidationError} from '../../src/server/index.js';
import {SECRET, SITE} from '../server/support.js';
import {assertSafeAnswer, attackPolicy, postRaw, serveAttackEndpoint, type AttackServer} from './endpoint-support.js';

const BODY = '{"resource":{"dashboard":12},"params":{"category":"Gizmo"}}';
const DEADLINE_SECONDS = 0.4;

let server: AttackServer;
before(async () => (server = await serveAttackEndpoint({bodyTimeout: DEADLINE_SECONDS})));
after(async () => {
  await server.close();
  assert.deepEqual(server.failures, []);
});

interface RawExchange {
  socket: Socket;
  /** Everything the server sent, once it closed the connection. */
  closed: Promise<string>;
}

/** Opens a socket and sends the request head for a body of `length` bytes; the body is the caller's. */
function openRequest(length: number, extraHead = ''): RawExchange {
  const {port, hostname} = new URL(server.url);
  const socket = connect(Number(port), hostname);
  socket.write(
    `POST /api/metabase/embed HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${length}\r\n${extraHead}\r\n`,
  );
  let received = '';
  const closed = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset after the answer is the server hanging up: fine
    socket.on('close', () => resolve(received));
  });
  return {socket, closed};
}

/** Writes one byte every `everyMs` until the socket closes or the body is sent. */
function trickle(exchange: RawExchange, body: string, everyMs: number): () => number {
  let sent = 0;
  const timer = setInterval(() => {
    if (exchange.socket.destroyed || sent >= body.length) return clearInterval(timer);
    exchange.socket.write(body.charAt(sent++));
  }, everyMs);
  void exchange.closed.then(() => clearInterval(timer));
  return () => sent;
}

function statusOf(raw: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
}

describe('a body deadline', () => {
  test('a body trickled byte by byte is answered 408 at the deadline, and the connection is closed', async () => {
    const started = performance.now();
    const exchange = openRequest(BODY.length);
    const sentBytes = trickle(exchange, BODY, 20);
    const raw = await exchange.closed;
    const seconds = (performance.now() - started) / 1000;
    assert.equal(statusOf(raw), 408, raw);
    assert.match(raw, /\r\nconnection: close\r\n/i);
    assert.match(raw, /"Request body did not arrive within 0\.4 s"/);
    assert.ok(sentBytes() < BODY.length, `the client had sent ${sentBytes()} of ${BODY.length} bytes`);
    console.log(`  trickled body: 408 and closed after ${seconds.toFixed(2)} s (deadline ${DEADLINE_SECONDS} s)`);
  });

  test('a client that sends the head and then nothing is answered 408 and closed', async () => {
    const exchange = openRequest(BODY.length);
    const raw = await exchange.closed;
    assert.equal(statusOf(raw), 408, raw);
  });

  test('other visitors are served while ten slow clients trickle', async () => {
    const slow = Array.from({length: 10}, () => {
      const exchange = openRequest(BODY.length);
      trickle(exchange, BODY, 30);
      return exchange;
    });
    for (let i = 0; i < 5; i++) {
      const answer = await postRaw(server.url, BODY);
      assert.equal(answer.status, 200, answer.text);
      assertSafeAnswer(answer, 'a visitor next to slow clients');
    }
    const answers = await Promise.all(slow.map((exchange) => exchange.closed));
    assert.deepEqual(
      answers.map(statusOf),
      answers.map(() => 408),
    );
  });

  test('a body that arrives whole within the deadline is served', async () => {
    const exchange = openRequest(BODY.length, 'Connection: close\r\n');
    exchange.socket.write(BODY.slice(0, 20));
    setImmediate(() => exchange.socket.write(BODY.slice(20)));
    const raw = await exchange.closed;
    assert.equal(statusOf(raw), 200, raw);
  });
});

describe('a client that hangs up', () => {
  test('mid-body (fewer bytes than Content-Length): no answer is owed, nothing fails, the server goes on', async () => {
    const exchange = openRequest(BODY.length);
    exchange.socket.end(BODY.slice(0, 25)); // half-close: the rest never comes
    const raw = await exchange.closed;
    assert.ok(raw === '' || [400, 408].includes(statusOf(raw)), raw);
    const answer = await postRaw(server.url, BODY);
    assert.equal(answer.status, 200);
  });

  test('destroyed mid-body: the server goes on', async () => {
    const exchange = openRequest(BODY.length);
    exchange.socket.write(BODY.slice(0, 25));
    setImmediate(() => exchange.socket.destroy());
    await exchange.closed;
    const answer = await postRaw(server.url, BODY);
    assert.equal(answer.status, 200);
  });
});

describe('the bodyTimeout option', () => {
  const bad: [string, unknown][] = [
    ['0', 0],
    ['negative', -1],
    ['over 300', 301],
    ['not a number', '10'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ];
  for (const [name, value] of bad) {
    test(`${name} is refused when the handler is created, naming the option`, () => {
      assert.throws(
        () =>
          createEmbedHandler({
            siteUrl: SITE,
            secretKey: SECRET,
            resources: attackPolicy(),
            bodyTimeout: value as number,
          }),
        (error: unknown) =>
          error instanceof EmbedValidationError &&
          error.field === 'bodyTimeout' &&
          /^bodyTimeout must be a number of seconds above 0 and at most 300, got /.test(error.message),
      );
    });
  }
});
