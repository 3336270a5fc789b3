// Any method and any request target, sent as raw bytes to every HTTP server the project
// ships or runs (the Node adapter alone and under Express, the emulator, the demo host app,
// the framework examples' host, the Python and Ruby endpoints): never a 5xx. A method no server takes is a 405 naming
// what it allows (`Allow`), a target that is neither a path nor an http(s) URL is a 400,
// and every refusal has a body saying why. A table of the targets probes found first,
// then a property (fast-check) over methods and random targets.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import fc from 'fast-check';
import {startDemo} from '../../demo/demo.js';
import {startFrameworkHost} from '../frameworks/apps/host.js';
import {startEmulator} from '../../emulator/src/index.js';
import {createEmbedHandler, toNodeHandler} from '../../src/server/index.js';
import {BACKEND_NAMES, startBackend} from '../backends/backend-process.js';
import {listenOnLoopback, SECRET} from '../server/support.js';
import {rawRequest, type RawAnswer} from '../support/raw-http.js';

const ENDPOINT = '/api/metabase/embed';

interface Target {
  name: string;
  /** The http.Server is the host app's: a request line Node's parser refuses gets Node's bare 400. */
  hostServer?: boolean;
  start(): Promise<{origin: string; close(): Promise<void>}>;
}

const embedHandler = () =>
  toNodeHandler(
    createEmbedHandler({
      siteUrl: 'http://127.0.0.1:9',
      secretKey: SECRET,
      resources: {'dashboard:1': {editable: ['category']}},
    }),
  );

const SERVERS: Target[] = [
  {name: 'toNodeHandler', hostServer: true, start: () => listenOnLoopback(embedHandler())},
  {
    name: 'toNodeHandler under Express',
    hostServer: true,
    start: () => {
      const app = express();
      app.use(embedHandler());
      return listenOnLoopback(app);
    },
  },
  {
    name: 'the emulator',
    start: async () => {
      const emulator = await startEmulator({secretKey: SECRET});
      return {origin: emulator.url, close: () => emulator.close()};
    },
  },
  {
    name: 'the demo host app',
    start: async () => {
      const demo = await startDemo({port: 0, env: {}});
      return {origin: new URL(demo.url).origin, close: () => demo.close()};
    },
  },
  {
    name: 'the framework examples’ host',
    start: async () => {
      const host = await startFrameworkHost(() => Promise.resolve(undefined));
      return {origin: new URL(host.url).origin, close: () => host.close()};
    },
  },
  ...BACKEND_NAMES.map((name): Target => ({
    name: `the ${name} endpoint`,
    start: async () => {
      const backend = await startBackend(name, {METABASE_SITE_URL: 'http://127.0.0.1:9', METABASE_SECRET_KEY: SECRET});
      return {origin: new URL(backend.url).origin, close: () => backend.close()};
    },
  })),
];

/** Methods Node's parser passes on: the usual ones, WebDAV's, and those fetch may not send. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'M-SEARCH', 'QUERY'];
/** Neither a path nor an http(s) URL: 400 everywhere. */
const UNUSABLE = ['*', 'x', 'http://[', 'mailto:a@b'];
/** What the probes sent (each a 500 from the Node adapter), and their neighbours. */
const TARGETS = [
  ...UNUSABLE,
  '/',
  '/api/metabase/embed',
  '//[',
  '//a:b@c',
  '//x:99999/',
  '//%',
  '/%',
  '/?%',
  'http://x/',
  'http://x/api/metabase/embed',
  'https://a:b@x:99999/%',
];

function checkAnswer(answer: RawAnswer, method: string, target: string, hostServer = false): void {
  const what = `${method} ${target} → ${answer.status} ${answer.body.slice(0, 200)}`;
  assert.ok(answer.status >= 200 && answer.status < 500, what);
  // A server may refuse the method before it reads the target: either refusal is right.
  // (Express routes first: a target it cannot parse reaches no middleware, and is its 404.)
  const refusals = hostServer ? [400, 404, 405] : [400, 405];
  if (UNUSABLE.includes(target))
    assert.ok(refusals.includes(answer.status), `${what}: expected ${refusals.join(' or ')}`);
  // TRACE gets a 405 at the endpoint; elsewhere a server that serves nothing there may say
  // 404, and one whose URI parser refuses the path (WEBrick: `//[`) 400.
  if (method === 'TRACE' && target === ENDPOINT) assert.equal(answer.status, 405, what);
  else if (method === 'TRACE' && target.startsWith('/')) assert.ok([400, 404, 405].includes(answer.status), what);
  if (answer.status === 405) assert.ok(answer.headers.get('allow'), `${what}: no Allow header`);
  const nodeParserAnswer = hostServer && answer.status === 400 && answer.body === '';
  if (answer.status >= 400 && method !== 'HEAD' && !nodeParserAnswer)
    assert.ok(answer.body.trim() !== '', `${what}: empty body`);
  assert.doesNotMatch(answer.body, /\n\s+at |Traceback|\.rb:\d+/, `${what}: a stack trace`);
}

const targetChars = fc.constantFrom(..."ab9:/@[]%?#*.!$&'()+,;=~-_".split(''));
const randomTarget = fc
  .tuple(fc.constantFrom('/', '//', 'http://', 'https://', '', '*'), fc.string({unit: targetChars, maxLength: 16}))
  .map(([start, rest]) => start + rest)
  .filter((target) => target !== '');

for (const server of SERVERS) {
  describe(`request lines at ${server.name}`, () => {
    let running: {origin: string; close(): Promise<void>};
    before(async () => (running = await server.start()));
    after(() => running.close());

    test('the probes’ targets with every method: no 5xx, 405 with Allow, 400 for non-paths', async () => {
      for (const target of TARGETS) {
        for (const method of METHODS)
          checkAnswer(await rawRequest(running.origin, method, target), method, target, server.hostServer);
      }
    });

    test('any method and target (property): no 5xx, and refusals say why', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...METHODS), randomTarget, async (method, target) => {
          checkAnswer(await rawRequest(running.origin, method, target), method, target, server.hostServer);
        }),
        {numRuns: 60},
      );
    });
  });
}
