// CORS of every token endpoint, over real loopback HTTP where there is a server: the
// web-standard handler called directly, toNodeHandler on node:http, the same in Express, and
// the Python and Ruby backends (demo/backends/). Each is set up with the policy the Python and
// Ruby files write out and allowedOrigins [TEST_ORIGIN]; every row of the table goes to all
// five, and a property test sends random origins that are not listed: none is ever echoed.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import fc from 'fast-check';
import {toNodeHandler} from '../../src/server/index.js';
import {listenOnLoopback, SECRET, type LoopbackServer} from '../server/support.js';
import {BACKEND_NAMES, startBackend, type RunningBackend} from './backend-process.js';
import {TEST_ORIGIN} from './contract-cases.js';
import {contextOfCookie, referenceHandler} from './node-reference.js';

const ENDPOINT = '/api/metabase/embed';
const SITE = 'http://127.0.0.1:3001';

/** One way of sending a request to an endpoint and getting its answer. */
type Send = (init: RequestInit) => Promise<Response>;

const servers: LoopbackServer[] = [];
const backends: RunningBackend[] = [];
const endpoints = new Map<string, Send>();

before(async () => {
  const handler = referenceHandler(SITE);
  endpoints.set('web handler', (init) =>
    handler(new Request(`http://127.0.0.1${ENDPOINT}`, init), contextOfCookie(new Headers(init.headers).get('cookie'))),
  );

  const listener = toNodeHandler(handler, (req) => contextOfCookie(String(req.headers.cookie ?? '')));
  const plain = await listenOnLoopback((req, res) => void listener(req, res));
  // As the README mounts it: app.all (the preflight is an OPTIONS request to the same path),
  // ahead of the app's body parser, whose errors would answer without CORS.
  const app = express();
  app.all(
    ENDPOINT,
    toNodeHandler(handler, (req: express.Request) => contextOfCookie(req.headers.cookie)),
  );
  app.use(express.json());
  const viaExpress = await listenOnLoopback(app);
  servers.push(plain, viaExpress);
  endpoints.set('node:http', (init) => fetch(`${plain.origin}${ENDPOINT}`, init));
  endpoints.set('Express', (init) => fetch(`${viaExpress.origin}${ENDPOINT}`, init));

  const env = {METABASE_SITE_URL: SITE, METABASE_SECRET_KEY: SECRET, ALLOWED_ORIGINS: TEST_ORIGIN};
  backends.push(...(await Promise.all(BACKEND_NAMES.map((name) => startBackend(name, env)))));
  for (const backend of backends) endpoints.set(backend.name, (init) => fetch(backend.url, init));
});

after(async () => {
  await Promise.all([...servers.map((server) => server.close()), ...backends.map((backend) => backend.close())]);
});

const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-expose-headers',
  'vary',
];

/** The CORS headers of an answer that are set, lower-cased names. */
function corsOf(response: Response): Record<string, string> {
  return Object.fromEntries(
    CORS_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
}

const EVIL = 'https://evil.example';
const preflight = (origin: string | undefined): RequestInit => ({
  method: 'OPTIONS',
  headers: {
    ...(origin !== undefined && {Origin: origin}),
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': 'content-type',
  },
});
const post = (origin: string | undefined, body: string, cookie = 'demo_user=ada'): RequestInit => ({
  method: 'POST',
  headers: {...(origin !== undefined && {Origin: origin}), 'Content-Type': 'application/json', Cookie: cookie},
  body,
});
const dashboard = JSON.stringify({resource: {dashboard: 1}});

const granted = {
  'access-control-allow-origin': TEST_ORIGIN,
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'Date, Retry-After',
  vary: 'Origin',
};
const none = {vary: 'Origin'};

const TABLE: [name: string, request: RequestInit, status: number, cors: Record<string, string>][] = [
  [
    'a preflight from the listed origin',
    preflight(TEST_ORIGIN),
    204,
    {
      'access-control-allow-origin': TEST_ORIGIN,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'Content-Type',
      'access-control-max-age': '600',
      'access-control-expose-headers': 'Date, Retry-After',
      vary: 'Origin',
    },
  ],
  ['a preflight from another origin', preflight(EVIL), 403, none],
  ['a preflight from a look-alike (another port)', preflight(`${TEST_ORIGIN}:8080`), 403, none],
  ['a preflight from a sandboxed frame (Origin: null)', preflight('null'), 403, none],
  ['a preflight without Origin', preflight(undefined), 403, none],
  ['a granted POST from the listed origin', post(TEST_ORIGIN, dashboard), 200, granted],
  ['a 401 (no session) to the listed origin: the element can read why', post(TEST_ORIGIN, dashboard, ''), 401, granted],
  ['a 400 (bad JSON) to the listed origin', post(TEST_ORIGIN, '{'), 400, granted],
  ['a 403 (unlisted item) to the listed origin', post(TEST_ORIGIN, '{"resource": {"dashboard": 2}}'), 403, granted],
  ['a GET from the listed origin (405)', {method: 'GET', headers: {Origin: TEST_ORIGIN}}, 405, granted],
  ['a POST from another origin', post(EVIL, dashboard), 403, none],
  ['a POST from another scheme of the same host', post(TEST_ORIGIN.replace('http:', 'https:'), dashboard), 403, none],
  ['a POST without Origin', post(undefined, dashboard), 403, none],
];

for (const name of ['web handler', 'node:http', 'Express', ...BACKEND_NAMES]) {
  describe(`CORS of the ${name} endpoint`, () => {
    for (const [row, request, status, cors] of TABLE) {
      test(`${row}: ${status}, ${JSON.stringify(cors)}`, async () => {
        const response = await endpoints.get(name)!(request);
        await response.arrayBuffer();
        assert.equal(response.status, status);
        assert.deepEqual(corsOf(response), cors);
      });
    }

    test('never echoes an origin it does not list (random origins and header values)', async () => {
      const origin = fc.oneof(
        fc.webUrl().map((url) => new URL(url).origin),
        fc.constantFrom(`${TEST_ORIGIN}.evil.example`, `${TEST_ORIGIN}/`, TEST_ORIGIN.toUpperCase(), 'null'),
        fc.string({minLength: 1, maxLength: 30}).filter((text) => /^[\x21-\x7e]+$/.test(text)),
      );
      await fc.assert(
        fc.asyncProperty(
          origin.filter((candidate) => candidate !== TEST_ORIGIN),
          fc.boolean(),
          async (candidate, isPreflight) => {
            const response = await endpoints.get(name)!(
              isPreflight ? preflight(candidate) : post(candidate, dashboard),
            );
            await response.arrayBuffer();
            assert.equal(response.headers.get('access-control-allow-origin'), null);
            assert.equal(response.headers.get('access-control-allow-credentials'), null);
            // No header carries it (a short random text may occur inside a fixed value such
            // as "application/json": only a value that is the text itself counts then).
            for (const [header, value] of response.headers) {
              const echoed = candidate.length >= 10 ? value.includes(candidate) : value === candidate;
              assert.ok(!echoed, `${header}: ${value} echoes ${candidate}`);
            }
            assert.equal(response.status, 403);
          },
        ),
        {numRuns: 60},
      );
    });
  });
}
