import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {TokenRequestBody} from '../../../src/embed/embed-types.js';
import {exchangeToken, maxErrorBodyBytes, TokenRequestError} from '../../../src/embed/token-exchange.js';
import type {TokenSource} from '../../../src/embed/token-request.js';

const explainedBodies: Record<string, [string, string]> = {
  json: [
    'application/json',
    JSON.stringify({error: '"tenant" cannot be set by the browser; editable filters: category'}),
  ],
  plain: ['text/plain; charset=utf-8', 'Token is expired (1800000000)'],
  hostile: ['text/plain', '<img src=x onerror=alert(1)>\u0007'],
  html: ['text/html', '<h1>{"error":"not this"}</h1>'],
  malformed: ['application/json', '{"error": "cut'],
};

// A real loopback server: the path picks the answer.
let server: Server;
let origin = '';
const received: Array<{method?: string | undefined; type?: string | undefined; body: string}> = [];

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

before(async () => {
  server = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  {
    received.push({method: request.method, type: request.headers['content-type'], body: await readBody(request)});
    const [, kind, value] = (request.url ?? '').split('/');
    if (kind === 'ok') {
      response.writeHead(200, {'Content-Type': 'application/json', Date: 'Tue, 01 Jan 2030 12:00:00 GMT'});
      response.end(JSON.stringify({url: 'https://mb.example/embed/dashboard/x.y.z'}));
    } else if (kind === 'status') {
      response.writeHead(Number(value), value === '429' ? {'Retry-After': '7'} : {});
      response.end('secret server detail');
    } else if (kind === 'explained') {
      // /explained/<status>/<case>: an error answer whose body may explain it.
      const [, , , which] = (request.url ?? '').split('/');
      const [type, text] = explainedBodies[which ?? ''] ?? ['text/plain', ''];
      response.writeHead(Number(value), {'Content-Type': type});
      response.end(text);
    } else if (kind === 'huge') {
      // No Content-Length: the size is only found while reading.
      response.writeHead(400, {'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked'});
      response.write(`{"error":"${'x'.repeat(3000)}`);
      response.end(`${'x'.repeat(3000)}"}`);
    } else if (kind === 'declared-huge') {
      response.writeHead(400, {'Content-Type': 'text/plain', 'Content-Length': String(maxErrorBodyBytes + 1)});
      response.end('y'.repeat(maxErrorBodyBytes + 1));
    } else if (kind === 'stalled') {
      response.writeHead(400, {'Content-Type': 'application/json'});
      response.write('{"error":"never fini'); // and never ends
    } else if (kind === 'text') {
      response.writeHead(200, {'Content-Type': 'text/html'});
      response.end('<html>login</html>');
    } else {
      setTimeout(() => response.end('{}'), 5000); // 'slow'
    }
  }
}

after(() => {
  server.closeAllConnections();
  server.close();
});

const body: TokenRequestBody = {resource: {dashboard: 12}, params: {category: 'Gizmo'}};
const endpoint = (path: string): TokenSource => ({endpoint: `${origin}${path}`, credentials: 'same-origin'});

async function failure(promise: Promise<unknown>): Promise<TokenRequestError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TokenRequestError, String(error));
    return error;
  }
  assert.fail('expected the request to fail');
}

test('POSTs JSON {resource, params} and reads the answer and its Date header', async () => {
  received.length = 0;
  const result = await exchangeToken(body, endpoint('/ok'), new AbortController().signal);
  assert.deepEqual(result, {
    answer: {url: 'https://mb.example/embed/dashboard/x.y.z'},
    serverDateMs: Date.UTC(2030, 0, 1, 12),
  });
  assert.deepEqual(received, [{method: 'POST', type: 'application/json', body: JSON.stringify(body)}]);
});

const statuses: Array<[number, boolean]> = [
  [500, true],
  [503, true],
  [408, true],
  [429, true],
  [400, false],
  [401, false],
  [403, false],
  [404, false],
];
for (const [status, retryable] of statuses) {
  test(`HTTP ${status} is an 'http' error${retryable ? ' worth retrying' : ' not retried'}, without the body`, async () => {
    const error = await failure(exchangeToken(body, endpoint(`/status/${status}`), new AbortController().signal));
    assert.equal(error.reason, 'http');
    assert.equal(error.status, status);
    assert.equal(error.retryable, retryable);
    assert.equal(error.message, `The endpoint ${origin}/status/${status} answered HTTP ${status}.`);
    assert.equal(error.retryAfterMs, status === 429 ? 7000 : undefined);
  });
}

const explained: Array<[number, string, string]> = [
  [400, 'json', ': "tenant" cannot be set by the browser; editable filters: category'],
  [403, 'plain', ': Token is expired (1800000000)'],
  [422, 'hostile', ': <img src=x onerror=alert(1)>'],
  [400, 'html', '.'],
  [400, 'malformed', '.'],
  [429, 'json', ': "tenant" cannot be set by the browser; editable filters: category'],
  [500, 'json', '.'],
  [503, 'plain', '.'],
];
for (const [status, which, ending] of explained) {
  test(`HTTP ${status} with a ${which} body: the message ends ${JSON.stringify(ending)}, retry decided by the status alone`, async () => {
    const error = await failure(
      exchangeToken(body, endpoint(`/explained/${status}/${which}`), new AbortController().signal),
    );
    assert.equal(error.message, `The endpoint ${origin}/explained/${status}/${which} answered HTTP ${status}${ending}`);
    assert.equal(error.status, status);
    assert.equal(error.retryable, status >= 500 || status === 429);
  });
}

for (const kind of ['huge', 'declared-huge']) {
  test(`an error body over ${maxErrorBodyBytes} bytes (${kind === 'huge' ? 'found while reading' : 'Content-Length'}) is ignored`, async () => {
    const error = await failure(exchangeToken(body, endpoint(`/${kind}`), new AbortController().signal));
    assert.equal(error.message, `The endpoint ${origin}/${kind} answered HTTP 400.`);
  });
}

for (const [name, reason] of [
  ['superseded', new Error('superseded')],
  ['timed out', new TokenRequestError('timeout', 'No answer within 15 s.', true)],
] as const) {
  test(
    `an error body that stalls stops when the request is ${name}: the status still stands, not retried`,
    {timeout: 5000},
    async (t) => {
      const controller = new AbortController();
      // Abort as soon as the status is in, while the explanation is being read.
      const realFetch = globalThis.fetch;
      t.mock.method(globalThis, 'fetch', async (...args: Parameters<typeof fetch>) => {
        const response = await realFetch(...args);
        queueMicrotask(() => controller.abort(reason));
        return response;
      });
      const error = await failure(exchangeToken(body, endpoint('/stalled'), controller.signal));
      assert.equal(error.message, `The endpoint ${origin}/stalled answered HTTP 400.`);
      assert.equal(error.retryable, false);
    },
  );
}

test('a 2xx that is not JSON is an invalid answer, not retried', async () => {
  const error = await failure(exchangeToken(body, endpoint('/text'), new AbortController().signal));
  assert.equal(error.reason, 'invalid-answer');
  assert.equal(error.retryable, false);
});

test('a closed port is a network error worth retrying', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const error = await failure(
    exchangeToken(
      body,
      {endpoint: `http://127.0.0.1:${port}/`, credentials: 'same-origin'},
      new AbortController().signal,
    ),
  );
  assert.equal(error.reason, 'network');
  assert.equal(error.retryable, true);
});

test('an abort rejects with the abort reason, not a TokenRequestError', async () => {
  const controller = new AbortController();
  const pending = exchangeToken(body, endpoint('/slow'), controller.signal);
  const reason = new Error('superseded');
  controller.abort(reason);
  await assert.rejects(pending, (error) => error === reason);
});

test('fetchToken gets {resource, params, signal} and its answer is returned', async () => {
  const signal = new AbortController().signal;
  const seen: unknown[] = [];
  const result = await exchangeToken(
    body,
    {credentials: 'same-origin', fetchToken: (request) => (seen.push(request), Promise.resolve({jwt: 'a.b.c'}))},
    signal,
  );
  assert.deepEqual(result, {answer: {jwt: 'a.b.c'}});
  assert.deepEqual(seen, [{...body, signal}]);
});

const rejections: Array<[string, unknown, boolean, number | undefined]> = [
  ['an Error', new Error('offline'), true, undefined],
  ['an error with status 503', Object.assign(new Error('busy'), {status: 503}), true, 503],
  ['an error with status 403', Object.assign(new Error('forbidden'), {status: 403}), false, 403],
  ['a string', 'nope', true, undefined],
];
/** A promise rejected with any value, as a fetchToken from other code may return. */
function rejectedWith(reason: unknown): Promise<never> {
  return Promise.resolve().then(() => {
    throw reason;
  });
}

for (const [name, rejection, retryable, status] of rejections) {
  test(`fetchToken rejecting with ${name} is a 'fetch-token' error${retryable ? ' worth retrying' : ' not retried'}`, async () => {
    const error = await failure(
      exchangeToken(
        body,
        {credentials: 'same-origin', fetchToken: () => rejectedWith(rejection)},
        new AbortController().signal,
      ),
    );
    assert.equal(error.reason, 'fetch-token');
    assert.equal(error.retryable, retryable);
    assert.equal(error.status, status);
    assert.match(error.message, /^fetchToken failed: /);
  });
}

test('a fetchToken that ignores its signal still gives way to an abort (the timeout)', async () => {
  const controller = new AbortController();
  const pending = exchangeToken(
    body,
    {credentials: 'same-origin', fetchToken: () => new Promise(() => undefined)},
    controller.signal,
  );
  const timeout = new TokenRequestError('timeout', 'No answer within 15 s.', true);
  controller.abort(timeout);
  await assert.rejects(pending, (error) => error === timeout);
});
