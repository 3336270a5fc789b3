// Where the embedding secret must never appear: any built file (the browser bundles, the
// emulator's page script and every source map in dist/), any answer of the demo, its token
// endpoint or the emulator (headers and bodies, granted or refused, and 500s), and any
// line they log. The run uses one fresh secret throughout, captures stdout and stderr
// while it lasts, and looks for the secret as text, in upper case and in base64.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {startDemo, type Demo} from '../../demo/demo.js';
import {SAMPLE, startEmulator, type RunningEmulator} from '../../emulator/src/index.js';
import {createEmbedHandler} from '../../src/server/index.js';
import {SECRET as SERVER_TEST_SECRET} from '../server/support.js';
import {TEST_SECRET as EMULATOR_TEST_SECRET} from '../../support/emulator-node.js';

const secret = randomBytes(32).toString('hex');
/**
 * The secret as text, in upper case, and base64/base64url-encoded at each of the three
 * offsets it could have inside a longer encoded text (a JWT segment, a cookie): the
 * middle of the encoding, which no neighbouring byte changes.
 */
const forms = (value: string) => [
  value,
  value.toUpperCase(),
  ...[0, 1, 2].flatMap((offset) => {
    const encoded = Buffer.from('x'.repeat(offset) + value).toString('base64url');
    const middle = encoded.slice(Math.ceil((offset * 4) / 3), -4);
    return [middle, middle.replace(/-/g, '+').replace(/_/g, '/')];
  }),
];
/** Also a near-miss secret: a key one character short, as a typo would give. */
const needles = [...forms(secret), secret.slice(0, 63)];

const logged: string[] = [];
const answers: {what: string; text: string}[] = [];
const restoreWrites: Array<() => void> = [];

function captureWrites(stream: NodeJS.WriteStream) {
  const original = stream.write.bind(stream);
  stream.write = (chunk: unknown, ...rest: unknown[]) => {
    logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
  };
  restoreWrites.push(() => (stream.write = original));
}

async function record(what: string, url: string, init: RequestInit = {}) {
  const response = await fetch(url, {...init, signal: AbortSignal.timeout(10_000)});
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  const body = await response.text();
  answers.push({what, text: `${response.status}\n${headers}\n\n${body}`});
  return {status: response.status, body};
}

function assertNoSecretIn(text: string, where: string) {
  for (const needle of needles) assert.ok(!text.includes(needle), `${where} contains the secret`);
}

let emulator: RunningEmulator;
let demo: Demo;
before(async () => {
  captureWrites(process.stdout);
  captureWrites(process.stderr);
  emulator = await startEmulator({secretKey: secret});
  demo = await startDemo({
    port: 0,
    env: {
      METABASE_SITE_URL: emulator.url,
      METABASE_SECRET_KEY: secret,
      METABASE_DASHBOARD_ID: String(SAMPLE.salesDashboard.id),
      METABASE_TENANT_PARAM: 'tenant',
      METABASE_TENANTS: 'Acme,Globex',
      METABASE_FILTER_PARAM: 'category',
      METABASE_FILTER_VALUES: 'Gadget,Gizmo',
    },
  });
});
after(async () => {
  await demo.close();
  await emulator.close();
  for (const restore of restoreWrites) restore();
});

describe('the secret in answers and logs', () => {
  test('the demo, its token endpoint and the emulator answer every kind of request without it', async () => {
    const origin = new URL(demo.url).origin;
    for (const path of ['', 'question', 'lazy', 'script-tag', 'no-such-page', 'demo.css']) {
      await record(`demo /${path}`, `${demo.url}${path}`);
    }
    const cookie = (await fetch(demo.url)).headers.get('set-cookie')!.split(';')[0]!;
    const post = (what: string, body: string, headers: Record<string, string> = {}) =>
      record(what, `${origin}/api/metabase/embed`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Origin: origin, Cookie: cookie, ...headers},
        body,
      });
    const granted = await post(
      'a granted token',
      JSON.stringify({resource: {dashboard: SAMPLE.salesDashboard.id}, params: {category: 'Gizmo'}}),
    );
    assert.equal(granted.status, 200);
    const {token} = JSON.parse(granted.body) as {token: string};
    await post('malformed JSON', '{"resource":');
    await post(
      'a locked slug',
      JSON.stringify({resource: {dashboard: SAMPLE.salesDashboard.id}, params: {tenant: 'X'}}),
    );
    await post('an unlisted item', JSON.stringify({resource: {dashboard: 999}, params: {}}));
    await post('another origin', '{}', {Origin: 'https://evil.example'});
    await post('no session', '{}', {Cookie: ''});
    await post('a big body', `{"pad":"${'x'.repeat(20_000)}"}`);
    await record('GET on the endpoint', `${origin}/api/metabase/embed`);

    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    for (const [what, path] of [
      ['the page', `/embed/dashboard/${token}`],
      ['the dashboard API', `/api/embed/dashboard/${token}`],
      ['a card query', `/api/embed/dashboard/${token}/dashcard/6/card/106`],
      ['a forged token', `/api/embed/dashboard/${forged}`],
      ['a malformed token', '/api/embed/dashboard/not-a-token'],
      ['an unknown path', '/api/session/properties'],
      ['the page script', '/app/embed/embed-page.js'],
    ] as const) {
      await record(`emulator: ${what}`, `${emulator.url}${path}`);
    }
    assert.ok(answers.length >= 20);
    for (const {what, text} of answers) assertNoSecretIn(text, what);
  });

  test("a handler's 500s and misconfigurations say what failed without the secret", async () => {
    const handler = createEmbedHandler({
      siteUrl: emulator.url,
      secretKey: secret,
      resources: {
        'dashboard:1': {
          locked: () => {
            throw new Error('session store down');
          },
        },
      },
    });
    const failed = await handler(
      new Request('http://app.test/embed', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: '{"resource":{"dashboard":1}}',
      }),
    );
    assert.equal(failed.status, 500);
    assertNoSecretIn(await failed.text(), 'the 500 answer');
    const typo = () =>
      createEmbedHandler({siteUrl: emulator.url, secretKey: `${secret}x`, resources: {'dashboard:1': {}}});
    assert.throws(typo, (error: Error) => {
      assertNoSecretIn(`${error.message}\n${error.stack}`, 'a bad-key error');
      return true;
    });
    await assert.rejects(startEmulator({secretKey: secret.slice(0, 63)}), (error: Error) => {
      assertNoSecretIn(`${error.message}\n${error.stack}`, "the emulator's bad-key error");
      return true;
    });
  });

  test('the scan finds the secret where it is (a probe of the check itself)', () => {
    const jwtLike = Buffer.from(JSON.stringify({params: {leak: secret}})).toString('base64url');
    assert.throws(() => assertNoSecretIn(`header.${jwtLike}.signature`, 'a probe'), /contains the secret/);
    assert.throws(() => assertNoSecretIn(`key=${secret.toUpperCase()}`, 'a probe'), /contains the secret/);
  });

  test('nothing logged during the run holds it (checked last)', () => {
    assert.ok(
      logged.some((line) => line.includes('answered 500')),
      'the 500 was logged',
    );
    assertNoSecretIn(logged.join(''), 'the captured log');
  });
});

/** Every file under dist/, plus the custom elements manifest. */
function builtFiles(directory = 'dist'): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}

describe('the secret in built files', () => {
  test('no built file (bundles, source maps, declarations) holds a secret-shaped string or a test secret', () => {
    const files = [...builtFiles(), 'custom-elements.json'];
    assert.ok(
      files.some((file) => file.endsWith('cdn/metabase-embed.iife.js.map')),
      'the build ran',
    );
    const knownSecrets = [SERVER_TEST_SECRET, EMULATOR_TEST_SECRET, 'ab'.repeat(32)].flatMap(forms);
    const secretShaped = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/i;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, secretShaped, `${file} holds 64 hex characters`);
      for (const known of knownSecrets) assert.ok(!text.includes(known), `${file} holds a test secret`);
    }
    console.log(`  secret scan: ${files.length} built files, ${answers.length} answers, ${logged.length} log writes`);
  });
});
