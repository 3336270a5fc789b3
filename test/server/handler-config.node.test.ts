// createEmbedHandler refuses a bad configuration when it is created, naming the option,
// so a broken deployment fails at startup and not on a visitor's first request.
import {afterEach, beforeEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createEmbedHandler, EmbedValidationError, type EmbedHandlerOptions} from '../../src/server/index.js';
import {FIXED_NOW, FIXED_NOW_SECONDS, SECRET, SITE, decodePayload} from './support.js';

const resources = {'dashboard:12': {editable: ['category']}};
const ENV_NAMES = ['METABASE_SITE_URL', 'METABASE_SECRET_KEY'] as const;

function creationError(options: Partial<EmbedHandlerOptions>): EmbedValidationError {
  try {
    createEmbedHandler({siteUrl: SITE, secretKey: SECRET, resources, ...options});
  } catch (error) {
    assert.ok(error instanceof EmbedValidationError, String(error));
    assert.ok(!error.message.includes(SECRET.slice(0, 16)), 'the message must not echo the secret');
    return error;
  }
  assert.fail('expected createEmbedHandler to throw');
}

async function tokenFrom(options: EmbedHandlerOptions): Promise<{status: number; body: Record<string, unknown>}> {
  const handler = createEmbedHandler(options);
  const response = await handler(
    new Request('http://127.0.0.1/embed', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({resource: {dashboard: 12}}),
    }),
  );
  return {status: response.status, body: (await response.json()) as Record<string, unknown>};
}

describe('settings from the environment', () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => ENV_NAMES.forEach((name) => (saved[name] = process.env[name])));
  afterEach(() =>
    ENV_NAMES.forEach((name) =>
      saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name]),
    ),
  );

  test('METABASE_SITE_URL and METABASE_SECRET_KEY are the defaults', async () => {
    process.env['METABASE_SITE_URL'] = 'https://from-env.example.com/';
    process.env['METABASE_SECRET_KEY'] = SECRET;
    const {status, body} = await tokenFrom({resources, now: () => FIXED_NOW});
    assert.equal(status, 200);
    assert.match(String(body['url']), /^https:\/\/from-env\.example\.com\/embed\/dashboard\//);
    assert.equal(decodePayload(String(body['token']))['exp'], FIXED_NOW_SECONDS + 600);
  });

  test('options win over the environment', async () => {
    process.env['METABASE_SITE_URL'] = 'https://from-env.example.com';
    process.env['METABASE_SECRET_KEY'] = 'not a key';
    const {body} = await tokenFrom({siteUrl: SITE, secretKey: SECRET, resources});
    assert.match(String(body['url']), /^https:\/\/metabase\.example\.com\/embed\//);
  });

  /** What the first request reports (a generic 500) when a setting left to the environment fails. */
  async function firstRequestError(options: Partial<EmbedHandlerOptions>): Promise<EmbedValidationError> {
    const seen: unknown[] = [];
    const handler = createEmbedHandler({
      siteUrl: SITE,
      secretKey: SECRET,
      resources,
      ...options,
      onError: (error) => seen.push(error),
    });
    const response = await handler(
      new Request('http://127.0.0.1/embed', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({resource: {dashboard: 12}}),
      }),
    );
    assert.equal(response.status, 500);
    const [error] = seen;
    assert.ok(error instanceof EmbedValidationError, String(error));
    assert.ok(!error.message.includes(SECRET.slice(0, 16)), 'the message must not echo the secret');
    return error;
  }

  for (const [option, variable] of [
    ['siteUrl', 'METABASE_SITE_URL'],
    ['secretKey', 'METABASE_SECRET_KEY'],
  ] as const) {
    for (const unset of ['unset', 'empty']) {
      test(`${option} missing and ${variable} ${unset}: no throw at creation, named at the first request`, async () => {
        ENV_NAMES.forEach((name) => delete process.env[name]);
        if (unset === 'empty') process.env[variable] = '';
        const error = await firstRequestError({[option]: undefined});
        assert.equal(error.message, `${option} is missing: pass it to createEmbedHandler or set ${variable}`);
        assert.equal(error.field, option);
      });
    }
  }

  test('an environment that refuses to be read (Deno without --allow-env) is a missing option, by name', async () => {
    const env = Object.getOwnPropertyDescriptor(process, 'env')!;
    Object.defineProperty(process, 'env', {
      configurable: true,
      get() {
        throw new Error('PermissionDenied: Requires env access');
      },
    });
    try {
      const error = await firstRequestError({secretKey: undefined});
      assert.equal(error.message, 'secretKey is missing: pass it to createEmbedHandler or set METABASE_SECRET_KEY');
    } finally {
      Object.defineProperty(process, 'env', env);
    }
  });

  test('a malformed METABASE_SECRET_KEY is named at the first request without echoing it', async () => {
    process.env['METABASE_SECRET_KEY'] = `${SECRET}\n`;
    const error = await firstRequestError({secretKey: undefined});
    assert.match(
      error.message,
      /^secretKey must be Metabase's embedding secret key: 64 hexadecimal characters, got 65 characters.* \(read from METABASE_SECRET_KEY\)$/,
    );
  });
});

describe('malformed options throw at creation, naming the option', () => {
  // Options as JavaScript callers may pass them: `resources` may be missing at run time.
  const cases: [string, Partial<Record<keyof EmbedHandlerOptions, unknown>>, string | RegExp][] = [
    ['a secret of 32 characters', {secretKey: SECRET.slice(0, 32)}, /^secretKey .*got 32 characters$/],
    ['a siteUrl without scheme', {siteUrl: 'metabase.example.com'}, /^siteUrl must be an absolute http\(s\) URL/],
    ['a data: siteUrl', {siteUrl: 'data:text/html,x'}, /^siteUrl .*its scheme is data:$/],
    ['no resources', {resources: undefined}, /^resources must be an object listing at least one item/],
    ['empty resources', {resources: {}}, /^resources must be an object listing at least one item/],
    [
      'a resource key "dash:12"',
      {resources: {'dash:12': {}}},
      /^resources: key "dash:12" must be "dashboard:<id>" or "question:<id>"/,
    ],
    ['a resource key "dashboard:012"', {resources: {'dashboard:012': {}}}, /^resources: key "dashboard:012"/],
    [
      'a resource key "document:1"',
      {resources: {'document:1': {}}},
      /^resources: key "document:1" must be "dashboard:<id>" or "question:<id>"/,
    ],
    [
      'a policy that is not an object',
      {resources: {'dashboard:12': true}},
      'resources["dashboard:12"] must be an object {editable?, locked?}, got true',
    ],
    [
      'a mistyped option',
      {resources: {'dashboard:12': {lockd: {tenant: 1}}}},
      'resources["dashboard:12"] has an unknown option "lockd": use editable or locked',
    ],
    [
      'editable as a string',
      {resources: {'dashboard:12': {editable: 'category'}}},
      'resources["dashboard:12"].editable must be an array of filter slugs (non-empty strings)',
    ],
    [
      'an empty editable slug',
      {resources: {'dashboard:12': {editable: ['']}}},
      /\.editable must be an array of filter slugs/,
    ],
    [
      'a locked null value',
      {resources: {'dashboard:12': {locked: {tenant: null}}}},
      /^resources\["dashboard:12"\]\.locked\.tenant is null, which Metabase refuses for a locked parameter: use \[\] to lift a locked filter$/,
    ],
    [
      'a locked blank string',
      {resources: {'dashboard:12': {locked: {tenant: ''}}}},
      /^resources\["dashboard:12"\]\.locked\.tenant is a blank string/,
    ],
    [
      'a slug both editable and locked',
      {resources: {'dashboard:12': {editable: ['tenant'], locked: {tenant: 1}}}},
      'resources["dashboard:12"].locked: "tenant" is both editable and locked',
    ],
    [
      'allowedOrigins as a string',
      {allowedOrigins: 'https://app.example.com'},
      /^allowedOrigins must be a non-empty array of origins/,
    ],
    ['an empty allowedOrigins', {allowedOrigins: []}, /^allowedOrigins must be a non-empty array/],
    [
      'an origin with a path',
      {allowedOrigins: ['https://app.example.com/']},
      'allowedOrigins[0] must be an origin, http(s)://host[:port] without a path or a trailing slash, got "https://app.example.com/"',
    ],
    ['a wildcard origin', {allowedOrigins: ['https://ok.example', '*']}, /^allowedOrigins\[1\] must be an origin/],
    ['expiresIn of 0', {expiresIn: 0}, /^expiresIn must be a whole number of seconds from 1 to 86400/],
    ['expiresIn of two days', {expiresIn: 172800}, /^expiresIn .*got 172800$/],
  ];
  for (const [name, options, message] of cases) {
    test(name, () => {
      const error = creationError(options as Partial<EmbedHandlerOptions>);
      if (typeof message === 'string') assert.equal(error.message, message);
      else assert.match(error.message, message);
    });
  }
});

describe('the web-standard handler on its own', () => {
  test('is a plain (Request) => Promise<Response>, as in a Next.js route or a Worker', async () => {
    const {status, body} = await tokenFrom({siteUrl: SITE, secretKey: SECRET, resources, now: () => FIXED_NOW});
    assert.equal(status, 200);
    assert.equal(body['expiresAt'], FIXED_NOW_SECONDS + 600);
  });
});
