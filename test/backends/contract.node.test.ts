// The Python and Ruby token endpoints (demo/backends/) against the Node handler
// (metabase-embed/server) over real loopback HTTP: every request of the table goes to all
// three, and each backend must answer what the Node handler answers (status, headers,
// error message). Granted tokens are checked with jsonwebtoken and by the emulator.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {startEmulator, type RunningEmulator} from '../../emulator/src/index.js';
import {toNodeHandler} from '../../src/server/index.js';
import {
  decodePayload,
  listenOnLoopback,
  SECRET,
  verifyWithJsonwebtoken,
  verifyWithPyJwt,
  type LoopbackServer,
} from '../server/support.js';
import {SUSPECT_KEYS, slugArbitrary} from '../support/suspect-keys.js';
import {BACKEND_NAMES, runBackendToExit, startBackend, type RunningBackend} from './backend-process.js';
import {BACKEND_TABLE, GUEST_CASES, TEST_ORIGIN, type BackendCase} from './contract-cases.js';
import {contextOfCookie, referenceHandler} from './node-reference.js';

const ENDPOINT = '/api/metabase/embed';
/** The Node handler with the policy the Python and Ruby files write out. */
function nodeReference(siteUrl: string) {
  return toNodeHandler(referenceHandler(siteUrl), (req) => contextOfCookie(String(req.headers.cookie ?? '')));
}

interface Seen {
  status: number;
  headers: Record<string, string | null>;
  body: Record<string, unknown>;
}

const COMPARED_HEADERS = [
  'content-type',
  'cache-control',
  'x-content-type-options',
  'allow',
  ...['allow-origin', 'allow-credentials', 'expose-headers'].map((name) => `access-control-${name}`),
  'vary',
];

async function send(url: string, request: BackendCase['request']): Promise<Seen> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Origin: TEST_ORIGIN,
    Cookie: 'demo_user=ada',
    ...request.headers,
  };
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  let body: BodyInit | undefined =
    typeof request.body === 'string' || request.body instanceof Uint8Array || request.body === undefined
      ? (request.body as BodyInit | undefined)
      : JSON.stringify(request.body);
  let duplex: {duplex: 'half'} | undefined;
  if (request.streamed && typeof body === 'string') {
    // 1 KB chunks and no Content-Length: the limit must hold while reading.
    const bytes = new TextEncoder().encode(body);
    let offset = 0;
    body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, (offset += 1024)));
      },
    });
    duplex = {duplex: 'half'};
  }
  const response = await fetch(`${url}${request.query ?? ''}`, {
    method: request.method ?? 'POST',
    headers,
    body: body ?? null,
    ...duplex,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)])),
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

/** A granted answer without what differs from one signing to the next (the time, the signature). */
function comparable(seen: Seen, siteUrl: string) {
  if (seen.status !== 200) return seen;
  if ('jwt' in seen.body) {
    // A guest embed's answer: exactly {jwt}, a token like the element's.
    assert.deepEqual(Object.keys(seen.body), ['jwt']);
    const {iat, exp, ...claims} = decodePayload(String(seen.body['jwt']));
    assert.equal(Number(exp) - Number(iat), 600, 'the token lives 600 s');
    return {...seen, body: {guestClaims: claims}};
  }
  const token = String(seen.body['token']);
  const {iat, exp, ...claims} = decodePayload(token);
  assert.equal(seen.body['url'], `${siteUrl}/embed/${Object.keys(claims['resource'] as object)[0]}/${token}`);
  assert.equal(seen.body['expiresAt'], exp);
  assert.equal(Number(exp) - Number(iat), 600, 'the token lives 600 s');
  return {...seen, body: {claims}};
}

let emulator: RunningEmulator;
let reference: LoopbackServer;
const backends: RunningBackend[] = [];

before(async () => {
  emulator = await startEmulator({secretKey: SECRET});
  const listener = nodeReference(emulator.url);
  reference = await listenOnLoopback((req, res) => void listener(req, res));
  const env = {METABASE_SITE_URL: emulator.url, METABASE_SECRET_KEY: SECRET, ALLOWED_ORIGINS: TEST_ORIGIN};
  backends.push(...(await Promise.all(BACKEND_NAMES.map((name) => startBackend(name, env)))));
});

after(async () => {
  await Promise.all([...backends.map((backend) => backend.close()), reference?.close(), emulator?.close()]);
});

/**
 * Metabase's guest-embed request, exactly as its e2e test sends it, gets {jwt}: a token that
 * jsonwebtoken and PyJWT verify with the secret as text, with the session's locked tenant, that
 * the emulator opens.
 */
async function checkGuestToken(url: string) {
  const answer = await send(url, GUEST_CASES[0]!.request);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const jwt = String(answer.body['jwt']);
  const claims = verifyWithJsonwebtoken(jwt);
  assert.deepEqual(
    {resource: claims['resource'], params: claims['params']},
    {
      resource: {dashboard: 1},
      params: {tenant: 'Acme'},
    },
  );
  const [byPyJwt] = verifyWithPyJwt([jwt]);
  assert.ok(byPyJwt?.ok, JSON.stringify(byPyJwt));
  assert.deepEqual(byPyJwt.claims['resource'], {dashboard: 1});
  const opened = await fetch(`${emulator.url}/api/embed/dashboard/${jwt}`);
  assert.equal(opened.status, 200, await opened.clone().text());
}

test("the Node handler answers Metabase's guest-embed request with a token Metabase accepts", () =>
  checkGuestToken(`${reference.origin}${ENDPOINT}`));

for (const name of BACKEND_NAMES) {
  const backend = () => backends.find((running) => running.name === name)!;

  describe(`${name} backend answers as the Node handler`, () => {
    for (const {name: caseName, request, status, error} of BACKEND_TABLE) {
      test(`${caseName}: ${status}`, async () => {
        const expected = await send(`${reference.origin}${ENDPOINT}`, request);
        assert.equal(expected.status, status, `the Node handler's status: ${JSON.stringify(expected.body)}`);
        if (error !== undefined) assert.deepEqual(expected.body, {error});
        const seen = await send(backend().url, request);
        assert.deepEqual(comparable(seen, emulator.url), comparable(expected, emulator.url));
      });
    }

    test('its tokens verify with jsonwebtoken (the secret as text) and open in the emulator', async () => {
      const dashboard = await send(backend().url, {body: {resource: {dashboard: 1}, params: {category: 'Gizmo'}}});
      const question = await send(backend().url, {body: {resource: {question: 'MonthlyRevenueQ000301'}}});
      for (const [answer, api] of [
        [dashboard, 'dashboard'],
        [question, 'card'],
      ] as const) {
        const token = String(answer.body['token']);
        assert.equal((verifyWithJsonwebtoken(token)['params'] as {tenant: string}).tenant, 'Acme');
        assert.throws(() => verifyWithJsonwebtoken(token, SECRET.replace(/^./, '0')), /invalid signature/);
        const opened = await fetch(`${emulator.url}/api/embed/${api}/${token}`);
        assert.equal(opened.status, 200, await opened.clone().text());
        assert.ok(String(((await opened.json()) as {name: string}).name).length > 0);
      }
    });

    test("Metabase's guest-embed request gets a token Metabase accepts", () => checkGuestToken(backend().url));

    test('a 1 MB streamed body is 413, and it goes on serving', async () => {
      const refused = await send(backend().url, {body: ' '.repeat(1024 * 1024), streamed: true});
      assert.equal(refused.status, 413);
      const next = await send(backend().url, {body: {resource: {dashboard: 1}}});
      assert.equal(next.status, 200);
    });

    test('each suspect slug (Object.prototype’s names) alone, in params and as the resource kind: as the Node handler', async () => {
      for (const slug of SUSPECT_KEYS) {
        for (const request of [
          {resource: {dashboard: 1}, params: Object.fromEntries([[slug, 'Gizmo']])},
          {resource: Object.fromEntries([[slug, 1]]), params: {}},
        ]) {
          const expected = await send(`${reference.origin}${ENDPOINT}`, {body: request});
          assert.equal(expected.status, 400, JSON.stringify(expected.body));
          const seen = await send(backend().url, {body: request});
          assert.deepEqual(seen, expected, JSON.stringify(request));
        }
      }
    });

    test('suspect slugs (Object.prototype’s names) in params and resource answer as the Node handler (property)', async () => {
      const slug = fc.oneof(slugArbitrary, fc.constantFrom('category', 'created_at'));
      const body = fc.record({
        resource: fc
          .tuple(
            fc.oneof(fc.constantFrom('dashboard', 'question'), slugArbitrary),
            fc.constantFrom(1, 'MonthlyRevenueQ000301'),
          )
          .map(([kind, id]) => Object.fromEntries([[kind, id]])),
        params: fc
          .uniqueArray(fc.tuple(slug, fc.constantFrom('Gizmo', 1, null)), {maxLength: 4, selector: ([key]) => key})
          .map((pairs) => Object.fromEntries(pairs)),
      });
      await fc.assert(
        fc.asyncProperty(body, async (request) => {
          const expected = await send(`${reference.origin}${ENDPOINT}`, {body: request});
          assert.ok(expected.status < 500, JSON.stringify(expected.body));
          const seen = await send(backend().url, {body: request});
          assert.deepEqual(comparable(seen, emulator.url), comparable(expected, emulator.url));
        }),
        {numRuns: 60},
      );
    });

    const refusals: [string, Record<string, string>, RegExp][] = [
      ['no secret', {METABASE_SITE_URL: 'http://127.0.0.1:3001'}, /METABASE_SECRET_KEY must be .*64 hexadecimal/],
      [
        'a short secret',
        {METABASE_SITE_URL: 'http://127.0.0.1:3001', METABASE_SECRET_KEY: 'abc'},
        /METABASE_SECRET_KEY must be/,
      ],
      ['no site', {METABASE_SECRET_KEY: SECRET}, /METABASE_SITE_URL must be an http\(s\) URL/],
      [
        'a lifetime out of range',
        {METABASE_SITE_URL: 'http://127.0.0.1:3001', METABASE_SECRET_KEY: SECRET, EMBED_EXPIRES_IN: '0'},
        /EMBED_EXPIRES_IN must be/,
      ],
    ];
    for (const [refusal, env, message] of refusals) {
      test(`refuses to start with ${refusal}, naming the variable, without echoing the secret`, async () => {
        const {code, stderr} = await runBackendToExit(name, env);
        assert.notEqual(code, 0);
        assert.match(stderr, message);
        assert.ok(!stderr.includes(SECRET));
      });
    }
  });
}
