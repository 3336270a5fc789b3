// The Python and Ruby token endpoints (demo/backends/) against the Node handler
// (metabase-embed/server) over real loopback HTTP: every request of the table goes to all
// three, and each backend must answer what the Node handler answers (status, headers,
// error message). Granted tokens are checked with jsonwebtoken and by the emulator.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../emulator/src/index.js';
import {createEmbedHandler, toNodeHandler} from '../../src/server/index.js';
import {
  decodePayload,
  listenOnLoopback,
  SECRET,
  verifyWithJsonwebtoken,
  type LoopbackServer,
} from '../server/support.js';
import {BACKEND_NAMES, runBackendToExit, startBackend, type RunningBackend} from './backend-process.js';
import {BACKEND_TABLE, TEST_ORIGIN, type BackendCase} from './contract-cases.js';

const ENDPOINT = '/api/metabase/embed';
const USERS: Record<string, {tenant: string}> = {ada: {tenant: 'Acme'}, grace: {tenant: 'Globex'}};

/** The Node handler with the policy the Python and Ruby files write out. */
function nodeReference(siteUrl: string) {
  const tenant = (context: {tenant?: string | undefined}) => ({tenant: context.tenant!});
  const handler = createEmbedHandler<{tenant?: string | undefined}>({
    siteUrl,
    secretKey: SECRET,
    resources: {
      'dashboard:1': {editable: ['category', 'created_at'], locked: tenant},
      'question:MonthlyRevenueQ000301': {editable: ['category'], locked: tenant},
    },
    authorize: (context) => context.tenant !== undefined,
    allowedOrigins: [TEST_ORIGIN],
  });
  return toNodeHandler(handler, (req) => {
    const user = /(?:^|;\s*)demo_user=([^;]*)/.exec(String(req.headers.cookie ?? ''))?.[1];
    return {tenant: user !== undefined && Object.hasOwn(USERS, user) ? USERS[user]!.tenant : undefined};
  });
}

interface Seen {
  status: number;
  headers: Record<string, string | null>;
  body: Record<string, unknown>;
}

const COMPARED_HEADERS = ['content-type', 'cache-control', 'x-content-type-options', 'allow'];

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
  const response = await fetch(url, {method: request.method ?? 'POST', headers, body: body ?? null, ...duplex});
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

for (const name of BACKEND_NAMES) {
  const backend = () => backends.find((running) => running.name === name)!;

  describe(`${name} backend answers as the Node handler`, () => {
    for (const {name: caseName, request, status} of BACKEND_TABLE) {
      test(`${caseName}: ${status}`, async () => {
        const expected = await send(`${reference.origin}${ENDPOINT}`, request);
        assert.equal(expected.status, status, `the Node handler's status: ${JSON.stringify(expected.body)}`);
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

    test('a 1 MB streamed body is 413, and it goes on serving', async () => {
      const refused = await send(backend().url, {body: ' '.repeat(1024 * 1024), streamed: true});
      assert.equal(refused.status, 413);
      const next = await send(backend().url, {body: {resource: {dashboard: 1}}});
      assert.equal(next.status, 200);
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
