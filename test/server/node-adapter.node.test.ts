// toNodeHandler as a plain node:http listener and as Express middleware, with and without
// express.json() having read the body first.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {IncomingHttpHeaders, RequestListener} from 'node:http';
import {connect as connectHttp2, createServer as createHttp2Server} from 'node:http2';
import type {AddressInfo} from 'node:net';
import {text as readText} from 'node:stream/consumers';
import express from 'express';
import {createEmbedHandler, INTERNAL_ERROR_MESSAGE, toNodeHandler} from '../../src/server/index.js';
import {DEFAULT_RESOURCES, USERS, type TestContext, type TestUser} from './embed-server.js';
import {FIXED_NOW, SECRET, SITE, decodePayload, post, readAnswer, withLoopbackServer} from './support.js';

type SessionRequest = express.Request & {user?: TestUser};

const handler = createEmbedHandler<TestContext>({
  siteUrl: SITE,
  secretKey: SECRET,
  resources: DEFAULT_RESOURCES,
  authorize: (context) => context.user !== undefined,
  now: () => FIXED_NOW,
});

/** A host app's session middleware: the `X-Test-User` header stands in for a cookie. */
function session(req: SessionRequest, _res: express.Response, next: express.NextFunction) {
  const id = req.get('x-test-user');
  if (id !== undefined && Object.hasOwn(USERS, id)) req.user = USERS[id]!;
  next();
}

function expressApp(configure: (app: express.Express) => void): express.Express {
  const app = express();
  configure(app);
  return app;
}

const dashboard = {resource: {dashboard: 12}, params: {category: 'Widget'}};
const alice = {'X-Test-User': 'alice'};

describe('as a plain node:http listener', () => {
  test('serves the endpoint with the context from getContext (which may be async)', async () => {
    const listener = toNodeHandler(handler, async (req) => {
      const id = req.headers['x-test-user'];
      return typeof id === 'string' ? {user: USERS[id]} : {};
    });
    await withLoopbackServer(listener, async (origin) => {
      const answer = await post(`${origin}/any/path`, dashboard, {'X-Test-User': 'bob'});
      assert.equal(answer.status, 200);
      assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {category: 'Widget', tenant: 9});
      assert.equal((await post(`${origin}/`, dashboard)).status, 401);
    });
  });

  test('a failing getContext without next is a generic 500 JSON answer and one log line without the error', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const listener = toNodeHandler(handler, () => {
      throw new Error(`session store down ${SECRET}`);
    });
    await withLoopbackServer(listener, async (origin) => {
      const answer = await post(origin, dashboard, alice);
      assert.equal(answer.status, 500);
      assert.deepEqual(answer.body, {error: INTERNAL_ERROR_MESSAGE});
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    });
    assert.equal(logged.mock.callCount(), 1);
    const line = logged.mock.calls[0]!.arguments.join(' ');
    assert.match(line, /^metabase-embed\/server: answered 500 \(getContext/);
    assert.ok(!line.includes(SECRET) && !line.includes('session store down'));
  });

  test('a body placeholder left by other middleware (req.body = {}, stream unread) is not taken as the body', async () => {
    // Express 4's body parsers and many apps set req.body = {} on requests they skip.
    const listener = toNodeHandler(handler, (req) => ({user: USERS[String(req.headers['x-test-user'])]}));
    const withPlaceholder: RequestListener = (req, res) => {
      (req as typeof req & {body: unknown}).body = {};
      void listener(req, res);
    };
    await withLoopbackServer(withPlaceholder, async (origin) => {
      const answer = await post(origin, dashboard, alice);
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {category: 'Widget', tenant: 7});
    });
  });

  test('serves HTTP/2 (node:http2 compatibility API; pseudo-headers are not copied)', async () => {
    const server = createHttp2Server(
      toNodeHandler(handler, (req) => ({user: USERS[String(req.headers['x-test-user'])]})),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connectHttp2(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const stream = client.request({
        ':method': 'POST',
        ':path': '/embed',
        'content-type': 'application/json',
        'x-test-user': 'alice',
      });
      stream.end(JSON.stringify(dashboard));
      const [headers, text] = await Promise.all([
        new Promise<IncomingHttpHeaders>((resolve) => stream.once('response', resolve)),
        readText(stream),
      ]);
      assert.equal(headers[':status'], 200, text);
      const body = JSON.parse(text) as Record<string, unknown>;
      assert.deepEqual(decodePayload(String(body['token']))['params'], {category: 'Widget', tenant: 7});
    } finally {
      client.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('as Express middleware', () => {
  test('reads the body itself when no body parser ran', async () => {
    const app = expressApp((app) => {
      app.use(session);
      app.post(
        '/api/metabase/embed',
        toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})),
      );
    });
    await withLoopbackServer(app, async (origin) => {
      const answer = await post(`${origin}/api/metabase/embed`, dashboard, alice);
      assert.equal(answer.status, 200);
      assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {category: 'Widget', tenant: 7});
    });
  });

  test('works after express.json() has consumed the body (req.body set)', async () => {
    let sawParsedBody = false;
    const app = expressApp((app) => {
      app.use(express.json(), session);
      app.post(
        '/api/metabase/embed',
        (req, _res, next) => {
          sawParsedBody = typeof req.body === 'object';
          next();
        },
        toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})),
      );
    });
    await withLoopbackServer(app, async (origin) => {
      const url = `${origin}/api/metabase/embed`;
      const answer = await post(
        url,
        {resource: {dashboard: 12}, params: {category: ['A', 'B'], created_at: 2024}},
        alice,
      );
      assert.ok(sawParsedBody, 'express.json() ran first');
      assert.equal(answer.status, 200);
      assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {
        category: ['A', 'B'],
        created_at: 2024,
        tenant: 7,
      });

      // The policy still applies to a parsed body: a locked slug is refused, an oversized one too.
      const tampered = await post(url, {resource: {dashboard: 12}, params: {tenant: 9}}, alice);
      assert.equal(tampered.status, 400);
      assert.match(String(tampered.body['error']), /^Parameter "tenant" cannot be set by the browser/);
      const large = await post(url, {resource: {dashboard: 12}, params: {category: 'x'.repeat(20_000)}}, alice);
      assert.equal(large.status, 413);
    });
  });

  test('reads the body itself when a middleware left a placeholder req.body', async () => {
    const app = expressApp((app) => {
      app.use(express.urlencoded({extended: false}), session, (req, _res, next) => {
        req.body ??= {}; // what Express 4's parsers do on requests they skip
        next();
      });
      app.post(
        '/embed',
        toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})),
      );
    });
    await withLoopbackServer(app, async (origin) => {
      const answer = await post(`${origin}/embed`, dashboard, alice);
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {category: 'Widget', tenant: 7});
    });
  });

  const otherParsers: [string, express.RequestHandler][] = [
    ['express.raw() (a Buffer)', express.raw({type: 'application/json'})],
    ['express.text() (a string)', express.text({type: 'application/json'})],
  ];
  for (const [name, parser] of otherParsers) {
    test(`works after ${name} has read the body`, async () => {
      const app = expressApp((app) => {
        app.use(parser, session);
        app.post(
          '/embed',
          toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})),
        );
      });
      await withLoopbackServer(app, async (origin) => {
        const answer = await post(`${origin}/embed`, dashboard, alice);
        assert.equal(answer.status, 200);
        assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {category: 'Widget', tenant: 7});
      });
    });
  }

  test('a content type express.json() skipped is still a 415', async () => {
    const app = expressApp((app) => {
      app.use(express.json(), session);
      app.post(
        '/embed',
        toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})),
      );
    });
    await withLoopbackServer(app, async (origin) => {
      const answer = await post(`${origin}/embed`, JSON.stringify(dashboard), {...alice, 'Content-Type': 'text/plain'});
      assert.equal(answer.status, 415);
    });
  });

  test('answers other methods on its mount path with 405', async () => {
    const app = expressApp((app) => app.use('/embed', toNodeHandler(handler)));
    await withLoopbackServer(app, async (origin) => {
      const answer = await readAnswer(await fetch(`${origin}/embed`));
      assert.equal(answer.status, 405);
      assert.equal(answer.headers.get('allow'), 'POST');
    });
  });

  test("a failing getContext goes to next(), i.e. the app's error handler", async () => {
    const app = expressApp((app) => {
      app.post(
        '/embed',
        toNodeHandler(handler, () => Promise.reject(new Error('session store down'))),
      );
      app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        res.status(503).json({error: `app error handler: ${error.message}`});
      });
    });
    await withLoopbackServer(app, async (origin) => {
      const answer = await post(`${origin}/embed`, dashboard, alice);
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.body, {error: 'app error handler: session store down'});
    });
  });
});
