// createEmbedHandler's policy, over real HTTP: the allow-list, editable and locked
// parameters, authorize, allowedOrigins, and what a success carries.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {EmbedValidationError, INTERNAL_ERROR_MESSAGE, type EmbedErrorInfo} from '../../src/server/index.js';
import {serveEmbedEndpoint, withEmbedEndpoint} from './embed-server.js';
import {
  FIXED_NOW_SECONDS,
  SECRET,
  SITE,
  decodePayload,
  post,
  verifyWithJsonwebtoken,
  verifyWithPyJwt,
} from './support.js';

const alice = {'X-Test-User': 'alice'};
const bob = {'X-Test-User': 'bob'};

describe('a granted request', () => {
  let server: Awaited<ReturnType<typeof serveEmbedEndpoint>>;
  before(async () => (server = await serveEmbedEndpoint()));
  after(() => server.close());

  test('answers 200 {url, token, expiresAt} with Cache-Control: no-store', async () => {
    const answer = await post(server.url, {resource: {dashboard: 12}, params: {category: ['Widget', 'Gizmo']}}, alice);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(Object.keys(answer.body).sort(), ['expiresAt', 'token', 'url']);
    assert.equal(answer.body['url'], `${SITE}/embed/dashboard/${String(answer.body['token'])}`);
    assert.equal(answer.body['expiresAt'], FIXED_NOW_SECONDS + 600);
  });

  test('signs the editable values and the locked value from the session, with iat and exp from the clock', async () => {
    const answer = await post(server.url, {resource: {dashboard: 12}, params: {category: 'Widget'}}, bob);
    assert.deepEqual(decodePayload(String(answer.body['token'])), {
      resource: {dashboard: 12},
      params: {category: 'Widget', tenant: 9},
      iat: FIXED_NOW_SECONDS,
      exp: FIXED_NOW_SECONDS + 600,
    });
  });

  test('accepts a decimal-string id and no params at all', async () => {
    const answer = await post(server.url, {resource: {dashboard: '12'}}, alice);
    assert.equal(answer.status, 200);
    assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {tenant: 7});
  });

  test('an unlisted item is 403 and names it', async () => {
    const answer = await post(server.url, {resource: {dashboard: 13}}, alice);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, {error: "dashboard:13 is not in this server's list of embeddable items"});
  });

  test('a question with the same id as a listed dashboard is 403', async () => {
    assert.equal((await post(server.url, {resource: {question: 12}}, alice)).status, 403);
  });

  test('a locked slug from the browser is 400, names the slug, and nothing is signed', async () => {
    const answer = await post(server.url, {resource: {dashboard: 12}, params: {tenant: 9, category: 'Widget'}}, alice);
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, {
      error:
        'Parameter "tenant" cannot be set by the browser for dashboard:12; editable parameters: category, created_at',
    });
    assert.ok(!answer.text.includes('eyJ'), 'no token in the answer');
  });

  test('an unknown slug is 400 and names the slug', async () => {
    const answer = await post(server.url, {resource: {dashboard: 12}, params: {region: 'EU'}}, alice);
    assert.equal(answer.status, 400);
    assert.match(String(answer.body['error']), /^Parameter "region" cannot be set by the browser for dashboard:12/);
  });

  test('a "__proto__" slug is an unknown slug like any other', async () => {
    const answer = await post(server.url, `{"resource": {"dashboard": 12}, "params": {"__proto__": "x"}}`, alice);
    assert.equal(answer.status, 400);
    assert.match(String(answer.body['error']), /^Parameter "__proto__" cannot be set/);
  });
});

describe('tokens from the endpoint, checked independently', () => {
  test('verify with jsonwebtoken and PyJWT given the secret as a string', async () => {
    await withEmbedEndpoint({now: () => new Date()}, async (url) => {
      const answer = await post(url, {resource: {dashboard: 12}, params: {created_at: '2024-01'}}, alice);
      const token = String(answer.body['token']);
      assert.deepEqual(verifyWithJsonwebtoken(token).params, {created_at: '2024-01', tenant: 7});
      const [python] = verifyWithPyJwt([token]);
      assert.ok(python?.ok, JSON.stringify(python));
      assert.equal(python.claims['exp'], answer.body['expiresAt']);
    });
  });

  test('expiresIn sets exp = iat + expiresIn', async () => {
    await withEmbedEndpoint({expiresIn: 120}, async (url) => {
      const answer = await post(url, {resource: {dashboard: 12}}, alice);
      assert.equal(answer.body['expiresAt'], FIXED_NOW_SECONDS + 120);
      assert.equal(decodePayload(String(answer.body['token']))['exp'], FIXED_NOW_SECONDS + 120);
    });
  });
});

describe('locked values', () => {
  test('an async resolver is awaited and sees the context and the request', async () => {
    await withEmbedEndpoint(
      {
        resources: {
          'question:Xa_3-9kQpL0mNoPqRsTuV': {
            locked: async (context, request) => {
              await new Promise((resolve) => setImmediate(resolve));
              return {tenant: context.user?.tenantId ?? -1, via: request!.headers.get('x-test-user') ?? ''};
            },
          },
        },
      },
      async (url) => {
        const answer = await post(url, {resource: {question: 'Xa_3-9kQpL0mNoPqRsTuV'}}, bob);
        assert.equal(answer.status, 200);
        assert.equal(answer.body['url'], `${SITE}/embed/question/${String(answer.body['token'])}`);
        assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {tenant: 9, via: 'bob'});
      },
    );
  });

  test('a fixed locked map is signed as given', async () => {
    await withEmbedEndpoint(
      {resources: {'dashboard:3': {locked: {region: ['EU', 'UK'], archived: []}}}},
      async (url) => {
        const answer = await post(url, {resource: {dashboard: 3}}, alice);
        assert.deepEqual(decodePayload(String(answer.body['token']))['params'], {region: ['EU', 'UK'], archived: []});
      },
    );
  });

  const broken: [string, () => unknown, RegExp][] = [
    [
      'throws',
      () => {
        throw new Error('database down: tenant lookup failed');
      },
      /^database down/,
    ],
    ['rejects', () => Promise.reject(new Error('session store timeout')), /^session store timeout$/],
    ['returns an undefined value', () => ({tenant: undefined}), /locked\(\)\.tenant must be a string.*got undefined$/],
    [
      'returns a blank string',
      () => ({tenant: ' '}),
      /locked\(\)\.tenant is a blank string, which Metabase ignores: use \[\]/,
    ],
    ['returns an editable slug', () => ({category: 'Widget'}), /"category" is both editable and locked$/],
    [
      'returns an array',
      () => ['tenant', 7],
      /locked\(\) must be an object mapping filter slugs to values, got an array$/,
    ],
  ];
  for (const [name, resolver, detail] of broken) {
    test(`a resolver that ${name} gives a generic 500; the detail goes only to onError`, async () => {
      const reports: [unknown, EmbedErrorInfo][] = [];
      await withEmbedEndpoint(
        {
          resources: {'dashboard:12': {editable: ['category'], locked: resolver as () => never}},
          onError: (error, info) => reports.push([error, info]),
        },
        async (url) => {
          const answer = await post(url, {resource: {dashboard: 12}}, alice);
          assert.equal(answer.status, 500);
          assert.deepEqual(answer.body, {error: INTERNAL_ERROR_MESSAGE});
          assert.equal(reports.length, 1);
          const [error, info] = reports[0]!;
          assert.match((error as Error).message, detail);
          assert.deepEqual(info, {stage: 'locked', resource: 'dashboard:12'});
          if (/returns/.test(name)) assert.ok(error instanceof EmbedValidationError);
        },
      );
    });
  }

  test('without onError, a 500 logs one line with no detail and no secret', async (t) => {
    const lines: string[] = [];
    t.mock.method(console, 'error', (...args: unknown[]) => lines.push(args.map(String).join(' ')));
    await withEmbedEndpoint(
      {
        resources: {'dashboard:12': {locked: () => Promise.reject(new Error(`leaky ${SECRET}`))}},
      },
      async (url) => {
        const answer = await post(url, {resource: {dashboard: 12}}, alice);
        assert.equal(answer.status, 500);
        assert.deepEqual(lines, [
          'metabase-embed/server: answered 500 (locked, dashboard:12); pass onError to createEmbedHandler for details',
        ]);
      },
    );
  });

  test('an onError that throws still leaves a clean 500', async () => {
    await withEmbedEndpoint(
      {
        resources: {'dashboard:12': {locked: () => ({tenant: undefined as unknown as number})}},
        onError: () => {
          throw new Error('logger down');
        },
      },
      async (url) => {
        assert.deepEqual((await post(url, {resource: {dashboard: 12}}, alice)).body, {error: INTERNAL_ERROR_MESSAGE});
      },
    );
  });
});

describe('authorize', () => {
  const cases: [string, (context: {user?: unknown}) => unknown, Record<string, string>, number][] = [
    ['true for a signed-in user', (context) => context.user !== undefined, alice, 200],
    ['false without a session', (context) => context.user !== undefined, {}, 401],
    ['a truthy non-true value', () => 'yes', alice, 401],
    ['a promise of true', () => Promise.resolve(true), alice, 200],
    ['a promise of false', () => Promise.resolve(false), alice, 401],
  ];
  for (const [name, authorize, headers, status] of cases) {
    test(`${name} → ${status}`, async () => {
      await withEmbedEndpoint({authorize: authorize as () => boolean}, async (url) => {
        const answer = await post(url, {resource: {dashboard: 12}}, headers);
        assert.equal(answer.status, status);
        if (status === 401) assert.deepEqual(answer.body, {error: 'Not authorized to view this embed'});
      });
    });
  }

  test('runs before the allow-list, so a stranger cannot probe which items exist', async () => {
    await withEmbedEndpoint({authorize: (context) => context.user !== undefined}, async (url) => {
      assert.equal((await post(url, {resource: {dashboard: 99}})).status, 401);
    });
  });

  test('a throwing authorize is a generic 500 reported with stage "authorize"', async () => {
    const reports: EmbedErrorInfo[] = [];
    await withEmbedEndpoint(
      {
        authorize: () => {
          throw new Error('session store down');
        },
        onError: (_error, info) => reports.push(info),
      },
      async (url) => {
        const answer = await post(url, {resource: {dashboard: 12}}, alice);
        assert.equal(answer.status, 500);
        assert.deepEqual(answer.body, {error: INTERNAL_ERROR_MESSAGE});
        assert.deepEqual(reports, [{stage: 'authorize'}]);
      },
    );
  });
});

describe('host code that reads the body first', () => {
  test('is a server bug: a generic 500, and onError says what happened', async () => {
    const reports: [unknown, EmbedErrorInfo][] = [];
    await withEmbedEndpoint(
      {
        authorize: async (_context, request) => (await request.text()).length > 0,
        onError: (error, info) => reports.push([error, info]),
      },
      async (url) => {
        const answer = await post(url, {resource: {dashboard: 12}}, alice);
        assert.equal(answer.status, 500);
        assert.equal(reports.length, 1);
        assert.match((reports[0]![0] as Error).message, /^The request body was read before the embed handler/);
        assert.deepEqual(reports[0]![1], {stage: 'request'});
      },
    );
  });
});

describe('allowedOrigins', () => {
  let server: Awaited<ReturnType<typeof serveEmbedEndpoint>>;
  before(async () => (server = await serveEmbedEndpoint({allowedOrigins: ['https://app.example.com']})));
  after(() => server.close());

  test('a listed Origin is served', async () => {
    const answer = await post(server.url, {resource: {dashboard: 12}}, {...alice, Origin: 'https://app.example.com'});
    assert.equal(answer.status, 200);
  });

  const refused: [string, Record<string, string>, string][] = [
    ['another site', {Origin: 'https://evil.example'}, 'Origin "https://evil.example"'],
    ['a look-alike with a port', {Origin: 'https://app.example.com:8443'}, 'Origin "https://app.example.com:8443"'],
    ['a sandboxed frame (null)', {Origin: 'null'}, 'Origin "null"'],
    ['no Origin header', {}, 'no Origin header'],
  ];
  for (const [name, headers, got] of refused) {
    test(`${name} is 403`, async () => {
      const answer = await post(server.url, {resource: {dashboard: 12}}, {...alice, ...headers});
      assert.equal(answer.status, 403);
      assert.deepEqual(answer.body, {error: `Cross-origin request refused: ${got} is not in allowedOrigins`});
    });
  }
});

describe('the secret never leaves the server', () => {
  test('no answer, success or error, contains it', async () => {
    const origin = {Origin: 'https://app.example.com'};
    const requests: [unknown, Record<string, string>][] = [
      [{resource: {dashboard: 12}}, {...alice, ...origin}],
      // Errors name a refused slug, never its value (here, one shaped like the secret).
      [
        {resource: {dashboard: 12}, params: {tenant: SECRET}},
        {...alice, ...origin},
      ],
      [{resource: {dashboard: 13}}, {...alice, ...origin}],
      [{resource: {dashboard: 12}}, origin],
      [{resource: {dashboard: 12}}, alice],
      ['{', {...alice, ...origin}],
    ];
    await withEmbedEndpoint(
      {
        allowedOrigins: ['https://app.example.com'],
        onError: () => undefined,
      },
      async (url) => {
        const statuses: number[] = [];
        for (const [body, headers] of requests) {
          const answer = await post(url, body, headers);
          statuses.push(answer.status);
          const everything = `${answer.text}\n${[...answer.headers].join('\n')}`;
          assert.ok(!everything.includes(SECRET), `answer ${answer.status} leaks the secret`);
          assert.ok(!/\bat .*\.ts:\d+/.test(everything), 'no stack trace');
        }
        assert.deepEqual(statuses, [200, 400, 403, 500, 403, 400]);
      },
    );
  });
});
