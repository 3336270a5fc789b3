// Attacks on the emulator over loopback HTTP: forged tokens (alg none, other HMACs, an
// RS256 header over the HMAC secret, a swapped payload, a wrongly keyed secret) and path
// traversal on its static routes. Tokens are made with jsonwebtoken and node:crypto, never
// with the emulator's own code.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createHmac, generateKeyPairSync} from 'node:crypto';
import {request} from 'node:http';
import jwt from 'jsonwebtoken';
import {TestEmulator, TEST_SECRET, dashboardToken, nowSeconds, sign} from '../../support/emulator-node.js';

let emulator: TestEmulator;
before(async () => (emulator = await TestEmulator.start()));
after(() => emulator.close());

const CORRUPT = 'Message seems corrupt or manipulated';
const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = () => ({resource: {dashboard: 1}, params: {tenant: 'Acme'}, exp: nowSeconds() + 600});

/** A token with this header and payload, signed HMAC-SHA256 with `key` (whatever the header says). */
function hmacToken(header: unknown, payload: unknown, key: string | Buffer = TEST_SECRET): string {
  const signingInput = `${segment(header)}.${segment(payload)}`;
  return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
}

async function expectRefused(token: string, message: string) {
  for (const path of [`/api/embed/dashboard/${token}`, `/api/embed/dashboard/${token}/dashcard/6/card/106`]) {
    const answer = await emulator.get(path);
    assert.equal(answer.status, 400, `${path}: ${answer.text}`);
    assert.equal(answer.text, message);
  }
}

/** A token not shaped like a JWT matches no route, as in Metabase: the API's 404, no token check. */
const NO_ENDPOINT = {status: 404, text: '"API endpoint does not exist."'};

describe('forged tokens are refused', () => {
  test('a genuine token is accepted (the forgeries below differ only in what they forge)', async () => {
    assert.equal((await emulator.get(`/api/embed/dashboard/${dashboardToken()}`)).status, 200);
    assert.equal((await emulator.get(`/api/embed/dashboard/${hmacToken({alg: 'HS256'}, claims())}`)).status, 200);
  });

  test('alg: none with an empty signature', () =>
    expectRefused(`${segment({alg: 'none', typ: 'JWT'})}.${segment(claims())}.`, 'JWT `alg` cannot be `none`.'));

  test('alg: none with the genuine HS256 signature kept', async () => {
    const [, payload, signature] = dashboardToken().split('.');
    await expectRefused(`${segment({alg: 'none'})}.${payload}.${signature}`, 'JWT `alg` cannot be `none`.');
  });

  for (const alg of ['None', 'NONE', 'nOnE']) {
    test(`alg: ${alg} (case games)`, () => expectRefused(`${segment({alg})}.${segment(claims())}.`, CORRUPT));
  }

  test('no alg at all', () => expectRefused(hmacToken({typ: 'JWT'}, claims()), 'JWT is missing `alg`.'));

  for (const algorithm of ['HS384', 'HS512'] as const) {
    test(`${algorithm} signed with the right secret`, () =>
      expectRefused(jwt.sign(claims(), TEST_SECRET, {algorithm, noTimestamp: true}), CORRUPT));
  }

  test('an RS256 header over an HMAC-SHA256 signature with the secret (algorithm confusion)', () =>
    expectRefused(hmacToken({alg: 'RS256', typ: 'JWT'}, claims()), CORRUPT));

  test('a real RS256 token from another key pair', () => {
    const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048});
    return expectRefused(jwt.sign(claims(), privateKey, {algorithm: 'RS256', noTimestamp: true}), CORRUPT);
  });

  test('a payload swapped under a genuine signature (another dashboard, another tenant)', async () => {
    const [header, , signature] = dashboardToken().split('.');
    await expectRefused(`${header}.${segment({...claims(), params: {tenant: 'Other'}})}.${signature}`, CORRUPT);
    await expectRefused(`${header}.${segment({...claims(), resource: {dashboard: 2}})}.${signature}`, CORRUPT);
  });

  test('the secret hex-decoded (the 32 bytes, not the 64-character text Metabase keys with)', () =>
    expectRefused(hmacToken({alg: 'HS256'}, claims(), Buffer.from(TEST_SECRET, 'hex')), CORRUPT));

  test('another secret', () => expectRefused(sign(claims(), {}, 'f'.repeat(64)), CORRUPT));

  test('header extras (kid, jku, crit) change the signed input: refused', async () => {
    const [, payload, signature] = dashboardToken().split('.');
    const header = segment({alg: 'HS256', typ: 'JWT', kid: '../../dev/null', jku: 'https://evil.example/jwks'});
    await expectRefused(`${header}.${payload}.${signature}`, CORRUPT);
  });

  test('four segments, or junk base64', async () => {
    await expectRefused(`${dashboardToken()}.extra`, CORRUPT);
    for (const token of ['!!.e30.e30', 'e30.e30.!!']) {
      for (const path of [`/api/embed/dashboard/${token}`, `/api/embed/dashboard/${token}/dashcard/6/card/106`]) {
        const {status, text} = await emulator.get(path);
        assert.deepEqual({status, text}, NO_ENDPOINT, path);
      }
    }
    // e30 is {}: a header without alg is named before the junk signature is looked at
    await expectRefused('e30.e30.-_-', 'JWT is missing `alg`.');
  });
});

/** A GET with the path sent exactly as written (fetch and URL would resolve the dots). */
function rawGet(path: string): Promise<{status: number; body: string}> {
  const {hostname, port} = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const req = request({host: hostname, port, path, method: 'GET'}, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({status: res.statusCode ?? 0, body}));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('path traversal on the static routes', () => {
  const attempts = [
    '/app/../package.json',
    '/app/embed/../../package.json',
    '/app/%2e%2e/%2e%2e/package.json',
    '/app/embed/..%2f..%2fpackage.json',
    '/app/embed/%2e%2e%5c%2e%2e%5cpackage.json',
    '/app/embed/embed-page.js/../../../package.json',
    '/app/embed/embed-page.js%00.png',
    '/app//etc/passwd',
    '/app/embed/%252e%252e/%252e%252e/package.json',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/app/embed/iframeResizer.contentWindow.js/..%2f..%2f..%2fnode_modules%2fiframe-resizer%2fpackage.json',
    '/node_modules/iframe-resizer/package.json',
    '/emulator/src/http/server.ts',
    '/emulator/dist/index.js',
  ];
  for (const path of attempts) {
    test(`${path} serves no file outside the four assets`, async () => {
      const answer = await rawGet(path);
      assert.ok(answer.status === 404 || answer.status === 400, `${path}: ${answer.status}`);
      assert.doesNotMatch(answer.body, /"devDependencies"|root:x:0|startEmulator|"version"/);
    });
  }

  test('a token made of dots gets the page shell, never a file, and its API call no endpoint', async () => {
    const page = await rawGet('/embed/dashboard/..%2f..%2fpackage.json');
    assert.equal(page.status, 200);
    assert.match(page.body, /^<!doctype html>/);
    assert.doesNotMatch(page.body, /devDependencies|package\.json/);
    const api = await rawGet('/api/embed/dashboard/..%2f..%2fpackage.json');
    assert.deepEqual({status: api.status, text: api.body}, NO_ENDPOINT);
  });

  test('the four assets are served as before', async () => {
    for (const path of [
      '/app/iframeResizer.js',
      '/app/embed/iframeResizer.contentWindow.js',
      '/app/embed/embed-page.js',
      '/app/embed/embed-page.css',
    ]) {
      assert.equal((await rawGet(path)).status, 200, path);
    }
  });
});
