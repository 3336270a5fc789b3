// The test signing endpoint (support/embed-page-endpoint.ts), mounted on a plain node:http
// server: its tokens are real HS256 signatures that two independent libraries accept.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {jwtVerify, decodeJwt} from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import {createSigningEndpoint} from '../../support/embed-page-endpoint.js';

const secret = 'a'.repeat(32) + '0123456789abcdef0123456789abcdef';
const embedOrigin = 'http://127.0.0.1:9';
let server: Server;
let base: string;

before(async () => {
  const endpoint = createSigningEndpoint({embedOrigin, secret});
  server = createServer((req, res) => {
    void endpoint.handle(req, res).then((handled) => handled || res.writeHead(418).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const dashboard12 = {resource: {dashboard: 12}, params: {category: ['Gizmo', 'Widget']}};

function sign(query = '', body: unknown = dashboard12, contentType = 'application/json') {
  return fetch(`${base}/__test-endpoint/sign${query}`, {
    method: 'POST',
    headers: {'Content-Type': contentType},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function signedToken(query = '') {
  const response = await sign(query);
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as {url: string; token: string; expiresAt: number};
}

describe('signing endpoint', () => {
  test('signs an HS256 token that jose and jsonwebtoken verify with the secret', async () => {
    const answer = await signedToken();
    const key = new TextEncoder().encode(secret);
    const {payload, protectedHeader} = await jwtVerify(answer.token, key, {algorithms: ['HS256']});
    assert.equal(protectedHeader.alg, 'HS256');
    assert.deepEqual(payload.resource, {dashboard: 12});
    assert.deepEqual(payload.params, {category: ['Gizmo', 'Widget']});
    assert.equal(payload.exp! - payload.iat!, 600);
    assert.equal(payload.test, undefined);
    const checked = jsonwebtoken.verify(answer.token, secret, {algorithms: ['HS256']}) as jsonwebtoken.JwtPayload;
    assert.deepEqual(checked.resource, {dashboard: 12});
  });

  test('a token signed with another secret is refused by the verifier', async () => {
    const answer = await signedToken();
    assert.throws(
      () => jsonwebtoken.verify(answer.token, 'b'.repeat(64), {algorithms: ['HS256']}),
      /invalid signature/,
    );
  });

  test('the default answer carries the embed URL, the token and expiresAt in ms', async () => {
    const answer = await signedToken();
    assert.equal(answer.url, `${embedOrigin}/embed/dashboard/${answer.token}`);
    assert.equal(answer.expiresAt, decodeJwt(answer.token).exp! * 1000);
  });

  test('a question gets a /embed/question/ URL', async () => {
    const response = await sign('', {resource: {question: 'AbCdEfGhIjKlMnOpQrStU'}, params: {}});
    const answer = (await response.json()) as {url: string};
    assert.match(answer.url, new RegExp(`^${embedOrigin}/embed/question/[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
  });

  test('?shape= picks the answer shape', async () => {
    const shapes = {
      url: ['url'],
      token: ['siteUrl', 'token'],
      jwt: ['jwt'],
    };
    for (const [shape, keys] of Object.entries(shapes)) {
      const answer = (await (await sign(`?shape=${shape}`)).json()) as Record<string, string>;
      assert.deepEqual(Object.keys(answer).sort(), keys, shape);
    }
    const {siteUrl} = (await (await sign('?shape=token')).json()) as {siteUrl: string};
    assert.equal(siteUrl, embedOrigin);
  });

  test('?lifetime=, ?height=, ?resizer=false and ?pageDelayMs= land in the token', async () => {
    const {token} = await signedToken('?lifetime=90&height=420&resizer=false&pageDelayMs=250');
    const claims = decodeJwt(token);
    assert.equal(claims.exp! - claims.iat!, 90);
    assert.deepEqual(claims.test, {height: 420, resizer: false, delayMs: 250});
  });

  test('?skewSeconds= moves iat, exp and the Date header ahead of the real clock', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await sign('?skewSeconds=3600&lifetime=600');
    const after = Math.floor(Date.now() / 1000);
    const claims = decodeJwt(((await response.json()) as {token: string}).token);
    assert.ok(claims.iat! >= before + 3600 && claims.iat! <= after + 3600, `iat ${claims.iat}`);
    assert.equal(claims.exp, claims.iat! + 600);
    assert.equal(Date.parse(response.headers.get('date')!) / 1000, claims.iat);
  });

  test('?status= answers that status with an error body, and ?retryAfter= sets Retry-After', async () => {
    const response = await sign('?status=503&retryAfter=7');
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '7');
    assert.deepEqual(await response.json(), {error: 'test endpoint answers 503 as asked'});
  });

  test('?delayMs= answers no sooner than asked', async () => {
    const started = performance.now();
    await signedToken('?delayMs=150');
    assert.ok(performance.now() - started >= 140);
  });

  test('a bad knob is a 400 that names it', async () => {
    for (const [query, message] of [
      ['?lifetime=soon', /\?lifetime= must be an integer/],
      ['?shape=cookie', /\?shape= must be url, token or jwt/],
      ['?resizer=no', /\?resizer= must be false or max, got "no"/],
      ['?status=99', /\?status= must be an integer from 200 to 599/],
    ] as const) {
      const response = await sign(query);
      assert.equal(response.status, 400, query);
      assert.match(((await response.json()) as {error: string}).error, message);
    }
  });

  test('a malformed request is refused with a reason', async () => {
    const cases = [
      [sign('', '{not json'), 400, /body must be JSON/],
      [sign('', {resource: {table: 1}}), 400, /body.resource must be {"dashboard": id} or {"question": id}/],
      [sign('', {resource: {dashboard: 1}, params: [1]}), 400, /body.params must be an object/],
      [sign('', dashboard12, 'text/plain'), 415, /Content-Type must be application\/json, got text\/plain/],
    ] as const;
    for (const [pending, status, message] of cases) {
      const response = await pending;
      assert.equal(response.status, status);
      assert.match(((await response.json()) as {error: string}).error, message);
    }
  });

  test("the log lists each session's requests, in order, failed ones included", async () => {
    await signedToken('?session=A');
    await sign('?session=A&status=500');
    await sign('?session=B', {resource: {question: 5}, params: {x: 1}}, 'text/plain');
    const log = async (session: string) =>
      (await (await fetch(`${base}/__test-endpoint/log?session=${session}`)).json()) as Array<Record<string, unknown>>;
    const a = await log('A');
    assert.deepEqual(
      a.map(({resource, params}) => ({resource, params})),
      [dashboard12, dashboard12],
    );
    assert.ok((a[0]!.receivedAt as number) <= (a[1]!.receivedAt as number));
    const [b = {}, ...moreB] = await log('B');
    assert.deepEqual(moreB, []);
    assert.deepEqual(
      {...b, receivedAt: typeof b.receivedAt},
      {
        resource: {question: 5},
        params: {x: 1},
        receivedAt: 'number',
        contentType: 'text/plain',
      },
    );
    assert.deepEqual(await log('nobody'), []);
  });

  test('leaves other paths to the host server', async () => {
    assert.equal((await fetch(`${base}/elsewhere`)).status, 418);
    assert.equal((await fetch(`${base}/__test-endpoint/sign`)).status, 404);
  });
});

describe('fault knobs', () => {
  test('fault=drop hangs up without a status line', async () => {
    await assert.rejects(sign('?fault=drop'), /fetch failed/);
  });

  const broken: [string, string, RegExp][] = [
    ['malformed-json', 'application/json', /^\{"url": "[^"]+",$/],
    ['html', 'text/html; charset=utf-8', /^<!doctype html>/],
    ['text-plain', 'text/plain', /^\{"url":"http:\/\/127\.0\.0\.1:9\/embed\/dashboard\/[\w-]+\.[\w-]+\.[\w-]+",/],
  ];
  for (const [fault, type, body] of broken) {
    test(`fault=${fault} is a 200 of ${type}`, async () => {
      const response = await sign(`?fault=${fault}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), type);
      assert.match(await response.text(), body);
    });
  }

  test('fault=huge is 50 MB of valid JSON', async () => {
    const response = await sign('?fault=huge');
    const text = await response.text();
    assert.equal(text.length, 50 * 1024 * 1024);
    assert.ok((JSON.parse(text) as {padding: string}).padding.length > text.length - 100);
  });

  test('answerUrl is answered as is; signAs signs another resource', async () => {
    const plain = await sign(`?answerUrl=${encodeURIComponent('javascript:alert(1)')}`);
    assert.deepEqual(await plain.json(), {url: 'javascript:alert(1)'});
    const other = await signedToken(`?signAs=${encodeURIComponent('{"dashboard":2}')}`);
    assert.deepEqual(decodeJwt(other.token).resource, {dashboard: 2});
    assert.ok(other.url.startsWith(`${embedOrigin}/embed/dashboard/`));
  });

  test('a bad fault or signAs is a 400 naming it', async () => {
    assert.match(((await (await sign('?fault=boom')).json()) as {error: string}).error, /^\?fault= must be one of/);
    assert.match(((await (await sign('?signAs=%7B')).json()) as {error: string}).error, /^\?signAs= must be/);
  });
});
