// createEmbedHandler's HTTP rules over a real loopback server: method, content type, body
// size, malformed and wrongly shaped bodies. Every refusal is JSON {"error"} naming the problem.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {serveEmbedEndpoint} from './embed-server.js';
import {post, readAnswer, type Answer} from './support.js';

const alice = {'X-Test-User': 'alice'};
const LIMIT = 16 * 1024;

let server: Awaited<ReturnType<typeof serveEmbedEndpoint>>;
before(async () => (server = await serveEmbedEndpoint()));
after(() => server.close());

function assertRefusal(answer: Answer, status: number, error: string | RegExp) {
  assert.equal(answer.status, status, answer.text);
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  assert.deepEqual(Object.keys(answer.body), ['error']);
  if (typeof error === 'string') assert.equal(answer.body['error'], error);
  else assert.match(String(answer.body['error']), error);
}

const utf8 = new TextEncoder();

/** A body of exactly `size` UTF-8 bytes that is valid JSON for dashboard 12 (padded with spaces). */
function paddedBody(size: number, category = 'Widget'): string {
  const json = JSON.stringify({resource: {dashboard: 12}, params: {category}});
  return json + ' '.repeat(size - utf8.encode(json).length);
}

/** POSTs `body` as a stream of 1 KB chunks, so no Content-Length is sent: the limit must hold while reading. */
async function postStreamed(body: string): Promise<Answer> {
  const bytes = utf8.encode(body);
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, (offset += 1024)));
    },
  });
  const init = {method: 'POST', headers: {...alice, 'Content-Type': 'application/json'}, body: stream, duplex: 'half'};
  return readAnswer(await fetch(server.url, init));
}

describe('method', () => {
  for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
    test(`${method} is 405 with Allow: POST`, async () => {
      const answer = await readAnswer(await fetch(server.url, {method, headers: alice}));
      assertRefusal(answer, 405, `Method ${method} is not allowed: use POST`);
      assert.equal(answer.headers.get('allow'), 'POST');
    });
  }
});

describe('content type', () => {
  const refused: [string, string | undefined, string][] = [
    ['text/plain (a form-like CSRF)', 'text/plain', 'Content-Type must be application/json, got "text/plain"'],
    [
      'a form',
      'application/x-www-form-urlencoded',
      'Content-Type must be application/json, got "application/x-www-form-urlencoded"',
    ],
    [
      'another charset',
      'application/json; charset=latin1',
      'Content-Type must be application/json, got "application/json; charset=latin1"',
    ],
    ['a look-alike', 'application/jsonp', 'Content-Type must be application/json, got "application/jsonp"'],
  ];
  for (const [name, contentType, error] of refused) {
    test(`${name} is 415`, async () => {
      assertRefusal(
        await post(server.url, {resource: {dashboard: 12}}, {...alice, 'Content-Type': contentType!}),
        415,
        error,
      );
    });
  }

  test('no Content-Type is 415', async () => {
    const response = await fetch(server.url, {method: 'POST', headers: alice, body: new Uint8Array([123, 125])});
    assertRefusal(await readAnswer(response), 415, 'Content-Type must be application/json, got none');
  });

  for (const contentType of ['application/json; charset=UTF-8', 'application/json;charset=utf8', 'Application/JSON']) {
    test(`"${contentType}" is accepted`, async () => {
      assert.equal(
        (await post(server.url, {resource: {dashboard: 12}}, {...alice, 'Content-Type': contentType})).status,
        200,
      );
    });
  }
});

describe('body size', () => {
  test(`exactly ${LIMIT} bytes is accepted`, async () => {
    assert.equal((await post(server.url, paddedBody(LIMIT), alice)).status, 200);
  });

  test(`${LIMIT + 1} bytes with a Content-Length is 413`, async () => {
    assertRefusal(
      await post(server.url, paddedBody(LIMIT + 1), alice),
      413,
      `Request body must be at most ${LIMIT} bytes`,
    );
  });

  test(`streamed (no Content-Length): exactly ${LIMIT} bytes is accepted, ${LIMIT + 1} is 413`, async () => {
    assert.equal((await postStreamed(paddedBody(LIMIT))).status, 200);
    assertRefusal(await postStreamed(paddedBody(LIMIT + 1)), 413, `Request body must be at most ${LIMIT} bytes`);
  });

  test('the limit counts bytes, not characters: multibyte text over it is 413', async () => {
    // 6,000 euro signs are 18,000 UTF-8 bytes in fewer than 6,100 characters.
    const body = paddedBody(6_000 * 3 + 100, '€'.repeat(6_000));
    assert.ok(body.length < LIMIT && utf8.encode(body).length > LIMIT);
    assertRefusal(await post(server.url, body, alice), 413, `Request body must be at most ${LIMIT} bytes`);
    assertRefusal(await postStreamed(body), 413, `Request body must be at most ${LIMIT} bytes`);
    // …while exactly the limit in multibyte text still passes.
    assert.equal((await postStreamed(paddedBody(LIMIT, '€'.repeat(5_000)))).status, 200);
  });

  test('a 1 MB streamed body is 413, and the server stays up', async () => {
    const answer = await postStreamed(' '.repeat(1024 * 1024));
    assertRefusal(answer, 413, `Request body must be at most ${LIMIT} bytes`);
    // The unread rest must not be parsed as a next request on this connection.
    assert.equal(answer.headers.get('connection'), 'close');
    assert.equal((await post(server.url, {resource: {dashboard: 12}}, alice)).status, 200);
  });
});

describe('malformed or wrongly shaped bodies are 400', () => {
  const cases: [string, string | Uint8Array<ArrayBuffer>, string | RegExp][] = [
    ['an empty body', '', 'Request body is not valid JSON'],
    ['truncated JSON', '{"resource": {"dashboard": 12}', 'Request body is not valid JSON'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'Request body is not valid UTF-8'],
    [
      'an array',
      '[{"dashboard": 12}]',
      'Request body must be a JSON object like {"resource": {"dashboard": 12}, "params": {}}',
    ],
    ['a JSON string', '"dashboard:12"', /^Request body must be a JSON object/],
    ['no resource', '{"params": {}}', /^resource must be an object like \{"dashboard": 12\}/],
    [
      'a card resource',
      '{"resource": {"card": 12}}',
      'resource must have exactly one key, "dashboard" or "question"; found "card"',
    ],
    ['two resources', '{"resource": {"dashboard": 12, "question": 1}}', /found "dashboard", "question"$/],
    [
      'a document resource',
      '{"resource": {"document": 12}}',
      'resource must have exactly one key, "dashboard" or "question"; found "document"',
    ],
    [
      'a document beside a dashboard',
      '{"resource": {"dashboard": 12, "document": 3}}',
      'resource must have exactly one key, "dashboard" or "question"; found "dashboard", "document"',
    ],
    [
      'a zero id',
      '{"resource": {"dashboard": 0}}',
      /^resource\.dashboard must be a positive integer or a 21-character entity id/,
    ],
    ['a short entity id', '{"resource": {"question": "abc"}}', /^resource\.question .*got "abc"$/],
    [
      'params null',
      '{"resource": {"dashboard": 12}, "params": null}',
      /^params must be an object mapping filter slugs to values, got null$/,
    ],
    ['params as an array', '{"resource": {"dashboard": 12}, "params": ["Widget"]}', /^params must be an object/],
    [
      'an object value',
      '{"resource": {"dashboard": 12}, "params": {"category": {"$ne": 1}}}',
      /^params\.category must be a string, a finite number, a boolean, null, or an array of strings, numbers and booleans, got an object$/,
    ],
    [
      'a nested array',
      '{"resource": {"dashboard": 12}, "params": {"category": [["a"]]}}',
      /^params\.category\[0\] must be/,
    ],
  ];
  for (const [name, body, error] of cases) {
    test(name, async () => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {...alice, 'Content-Type': 'application/json'},
        body,
      });
      assertRefusal(await readAnswer(response), 400, error);
    });
  }

  test('an error answer carries no stack trace', async () => {
    const answer = await post(server.url, '{"resource":', alice);
    assert.ok(!/\n\s+at /.test(answer.text) && !answer.text.includes('.ts:'));
  });
});
