// toNodeHandler as a plain node:http listener and as Express middleware, with and without
// express.json() having read the body first.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
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
  if (id !== undefined && Object.hasOwn(USERS, id)) req.user = USERS[id];
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

  test('a failing getContext without next is a generic 500 JSON answer', async () => {
    const listener = toNodeHandler(handler, () => {
      throw new Error(`session store down ${SECRET}`);
    });
    await withLoopbackServer(listener, async (origin) => {
      const answer = await post(origin, dashboard, alice);
      assert.equal(answer.status, 500);
      assert.deepEqual(answer.body, {error: INTERNAL_ERROR_MESSAGE});
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    });
  });
});

describe('as Express middleware', () => {
  test('reads the body itself when no body parser ran', async () => {
    const app = expressApp((app) => {
      app.use(session);
      app.post('/api/metabase/embed', toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})));
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
      app.post('/api/metabase/embed', (req, _res, next) => {
        sawParsedBody = typeof req.body === 'object';
        next();
      }, toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})));
    });
    await withLoopbackServer(app, async (origin) => {
      const url = `${origin}/api/metabase/embed`;
      const answer = await post(url, {resource: {dashboard: 12}, params: {category: ['A', 'B'], created_at: 2024}}, alice);
      assert.ok(sawParsedBody, 'express.json() ran first');
      assert.equal(answer.status, 200);
      assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {category: ['A', 'B'], created_at: 2024, tenant: 7});

      // The policy still applies to a parsed body: a locked slug is refused, an oversized one too.
      const tampered = await post(url, {resource: {dashboard: 12}, params: {tenant: 9}}, alice);
      assert.equal(tampered.status, 400);
      assert.match(String(tampered.body['error']), /^Parameter "tenant" cannot be set by the browser/);
      const large = await post(url, {resource: {dashboard: 12}, params: {category: 'x'.repeat(20_000)}}, alice);
      assert.equal(large.status, 413);
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
        app.post('/embed', toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})));
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
      app.post('/embed', toNodeHandler(handler, (req: SessionRequest) => ({user: req.user})));
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
      app.post('/embed', toNodeHandler(handler, () => Promise.reject(new Error('session store down'))));
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
