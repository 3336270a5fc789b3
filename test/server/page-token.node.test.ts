// handler.embedAttributes: the first token of a server-rendered page, signed through the
// handler's own allow-list and locked values, checked by jsonwebtoken; and the lazy reading
// of settings from the environment that lets a route module be imported at build time.
import {afterEach, beforeEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createEmbedHandler, EmbedValidationError, toHtmlAttributes} from '../../src/server/index.js';
import {FIXED_NOW, FIXED_NOW_SECONDS, SECRET, SITE, verifyWithJsonwebtoken} from './support.js';

interface Session {
  user?: {tenantId: number};
}

const handler = createEmbedHandler<Session>({
  siteUrl: `${SITE}/`,
  secretKey: SECRET,
  resources: {
    'dashboard:12': {editable: ['category'], locked: (context) => ({tenant: context.user!.tenantId})},
    'question:7': {},
  },
  expiresIn: 300,
  now: () => FIXED_NOW,
});

describe('embedAttributes: the tag of a server-rendered page', () => {
  test('signs the page filters plus the session locked values; the tag names what it was signed for', async () => {
    const attributes = await handler.embedAttributes(
      {dashboard: 12, params: {category: ['Gizmo', 'Widget']}},
      {user: {tenantId: 7}},
    );
    assert.deepEqual(Object.keys(attributes), ['dashboard', 'params', 'site-url', 'token']);
    assert.equal(attributes.dashboard, '12');
    assert.equal(attributes.params, '{"category":["Gizmo","Widget"]}');
    assert.equal(attributes['site-url'], SITE);
    const claims = verifyWithJsonwebtoken(attributes.token, SECRET, true);
    assert.deepEqual(
      {resource: claims.resource, params: claims.params, iat: claims.iat, exp: claims.exp},
      {
        resource: {dashboard: 12},
        params: {category: ['Gizmo', 'Widget'], tenant: 7},
        iat: FIXED_NOW_SECONDS,
        exp: FIXED_NOW_SECONDS + 300,
      },
    );
  });

  test('a question without filters: no params attribute, an empty params claim', async () => {
    const attributes = await handler.embedAttributes({question: '7'});
    assert.deepEqual(Object.keys(attributes), ['question', 'site-url', 'token']);
    assert.deepEqual(verifyWithJsonwebtoken(attributes.token, SECRET, true).params, {});
  });

  // The same refusals as the endpoint's 403 and 400, as errors naming the field.
  for (const [name, embed, field, message] of [
    [
      'an item not listed',
      {dashboard: 13},
      'resource',
      "dashboard:13 is not in the handler's resources (the allow-list)",
    ],
    [
      'a locked slug from the page',
      {dashboard: 12, params: {tenant: 8}},
      'params',
      'Parameter "tenant" cannot be set by the browser for dashboard:12; editable parameters: category',
    ],
    ['no resource', {params: {}}, 'embed', /^embed must have exactly one key, "dashboard" or "question"; found none$/],
    [
      'a document',
      {document: 1, params: {}},
      'embed',
      /^embed must have exactly one key, "dashboard" or "question"; found "document"$/,
    ],
    [
      'a value that is an object',
      {dashboard: 12, params: {category: {}}},
      'params.category',
      /^params\.category must be/,
    ],
  ] as const) {
    test(`refuses ${name}, naming ${field}`, async () => {
      await assert.rejects(
        handler.embedAttributes(embed as never, {user: {tenantId: 7}}),
        (error) =>
          error instanceof EmbedValidationError &&
          error.field === field &&
          (typeof message === 'string' ? error.message === message : message.test(error.message)),
      );
    });
  }

  test('toHtmlAttributes escapes every value for a double-quoted attribute', () => {
    const html = toHtmlAttributes({
      dashboard: '12',
      params: '{"category":"<a> & \'b\'"}',
      'site-url': SITE,
      token: 'x.y.z',
    });
    assert.equal(
      html,
      `dashboard="12" params="{&quot;category&quot;:&quot;&lt;a&gt; &amp; &#39;b&#39;&quot;}" site-url="${SITE}" token="x.y.z"`,
    );
  });
});

describe('settings from the environment are read at the first use, not at import', () => {
  const names = ['METABASE_SITE_URL', 'METABASE_SECRET_KEY'] as const;
  const saved: Record<string, string | undefined> = {};
  const errors: unknown[][] = [];
  const originalError = console.error;
  beforeEach(() => {
    names.forEach((name) => {
      saved[name] = process.env[name];
      delete process.env[name];
    });
    errors.length = 0;
    console.error = (...args: unknown[]) => errors.push(args);
  });
  afterEach(() => {
    console.error = originalError;
    names.forEach((name) => (saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name])));
  });

  const post = () =>
    new Request('http://127.0.0.1/embed', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({resource: {dashboard: 12}}),
    });

  test('a missing variable: creation succeeds; each request is a generic 500 and a log line naming it', async () => {
    const lazy = createEmbedHandler({resources: {'dashboard:12': {}}});
    const response = await lazy(post());
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), {error: 'The server could not create an embed token'});
    assert.deepEqual(errors, [
      [
        'metabase-embed/server: answered 500 (config): siteUrl is missing: pass it to createEmbedHandler or set METABASE_SITE_URL; pass onError to createEmbedHandler for details',
      ],
    ]);
    await assert.rejects(lazy.embedAttributes({dashboard: 12}), {
      name: 'EmbedValidationError',
      message: 'siteUrl is missing: pass it to createEmbedHandler or set METABASE_SITE_URL',
    });
  });

  test('an invalid variable reaches onError with stage "config", naming the variable, never the value', async () => {
    process.env['METABASE_SITE_URL'] = SITE;
    process.env['METABASE_SECRET_KEY'] = `${SECRET}0`;
    const seen: unknown[] = [];
    const lazy = createEmbedHandler({
      resources: {'dashboard:12': {}},
      onError: (error, info) => seen.push(error, info),
    });
    assert.equal((await lazy(post())).status, 500);
    const [error, info] = seen as [EmbedValidationError, unknown];
    assert.deepEqual(info, {stage: 'config'});
    assert.equal(error.field, 'secretKey');
    assert.match(error.message, /^secretKey must be .*got 65 characters \(read from METABASE_SECRET_KEY\)$/);
    assert.ok(!error.message.includes(SECRET.slice(0, 16)));
  });

  test('variables set after import are used', async () => {
    const lazy = createEmbedHandler({resources: {'dashboard:12': {}}});
    process.env['METABASE_SITE_URL'] = SITE;
    process.env['METABASE_SECRET_KEY'] = SECRET;
    const response = await lazy(post());
    assert.equal(response.status, 200);
    verifyWithJsonwebtoken(String(((await response.json()) as {token: string}).token));
  });

  test('an invalid option passed explicitly still throws at creation', () => {
    assert.throws(() => createEmbedHandler({siteUrl: 'nope', resources: {'dashboard:12': {}}}), {
      name: 'EmbedValidationError',
    });
  });
});
