// emulator/README.md#token, one test per rule, over real HTTP: the emulator must accept and refuse
// tokens exactly as Metabase does. The emulator is given a fixed clock so the 60 s leeway
// is checked to the second.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {TEST_SECRET, TestEmulator, sign} from '../../support/emulator-node.js';

const NOW = 1_750_000_000; // seconds; the emulator's clock for this file
const claims = (extra: Record<string, unknown> = {}) => ({
  resource: {dashboard: 1},
  params: {tenant: 'Acme'},
  ...extra,
});
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
/** HS256 without a library: jsonwebtoken refuses to sign `exp: null`, which Metabase accepts. */
function signByHand(payload: object): string {
  const signed = `${b64({alg: 'HS256', typ: 'JWT'})}.${b64(payload)}`;
  return `${signed}.${createHmac('sha256', TEST_SECRET).update(signed).digest('base64url')}`;
}

describe('the token (emulator/README.md#token)', () => {
  let emulator: TestEmulator;
  before(async () => (emulator = await TestEmulator.start(undefined, {now: () => NOW * 1000})));
  after(() => emulator.close());

  async function dashboard(token: string) {
    return emulator.get(`/api/embed/dashboard/${token}`);
  }

  test('HS256 with the secret string as UTF-8 bytes is accepted', async () => {
    const answer = await dashboard(sign(claims({exp: NOW + 600})));
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.text).name, 'Sales overview');
  });

  test('exp 59 s in the past passes (60 s leeway)', async () => {
    assert.equal((await dashboard(sign(claims({exp: NOW - 59})))).status, 200);
  });

  test('exp exactly 60 s in the past is expired (exp <= now - 60)', async () => {
    const answer = await dashboard(sign(claims({exp: NOW - 60})));
    assert.deepEqual([answer.status, answer.text], [400, `Token is expired (${NOW - 60})`]);
  });

  test('exp 61 s in the past fails with "Token is expired (<exp>)"', async () => {
    const answer = await dashboard(sign(claims({exp: NOW - 61})));
    assert.deepEqual([answer.status, answer.text], [400, `Token is expired (${NOW - 61})`]);
  });

  test('a token without exp is accepted (exp is optional)', async () => {
    assert.equal((await dashboard(sign(claims()))).status, 200);
  });

  test('exp: null and nbf: null are ignored, as absent claims are (buddy-sign skips nil)', async () => {
    for (const extra of [{exp: null}, {nbf: null}, {exp: null, nbf: null}]) {
      const answer = await dashboard(signByHand(claims(extra)));
      assert.equal(answer.status, 200, `${JSON.stringify(extra)}: ${answer.text}`);
    }
  });

  test('nbf up to 60 s ahead passes; further ahead is "not yet valid"', async () => {
    assert.equal((await dashboard(sign(claims({nbf: NOW + 60})))).status, 200);
    const answer = await dashboard(sign(claims({nbf: NOW + 61})));
    assert.deepEqual([answer.status, answer.text], [400, `Token is not yet valid (${NOW + 61})`]);
  });

  test('iat, iss, aud, sub and unknown claims are not checked', async () => {
    const token = sign(claims({iat: NOW + 9999, iss: 'x', aud: 'y', sub: 'z', whatever: [1]}));
    assert.equal((await dashboard(token)).status, 200);
  });

  test('alg: none is refused with its own message', async () => {
    const token = `${b64({alg: 'none', typ: 'JWT'})}.${b64(claims({exp: NOW + 600}))}.`;
    const answer = await dashboard(token);
    assert.deepEqual([answer.status, answer.text], [400, 'JWT `alg` cannot be `none`.']);
  });

  test('a header without alg is refused with its own message', async () => {
    const token = sign(claims({exp: NOW + 600}));
    const [, payload, signature] = token.split('.');
    const answer = await dashboard(`${b64({typ: 'JWT'})}.${payload}.${signature}`);
    assert.deepEqual([answer.status, answer.text], [400, 'JWT is missing `alg`.']);
  });

  for (const algorithm of ['HS384', 'HS512'] as const) {
    test(`${algorithm} fails the signature check`, async () => {
      const answer = await dashboard(sign(claims({exp: NOW + 600}), {algorithm}));
      assert.deepEqual([answer.status, answer.text], [400, 'Message seems corrupt or manipulated']);
    });
  }

  test('a token signed with the hex-DECODED secret (32 bytes) is refused', async () => {
    const answer = await dashboard(sign(claims({exp: NOW + 600}), {}, Buffer.from(TEST_SECRET, 'hex')));
    assert.deepEqual([answer.status, answer.text], [400, 'Message seems corrupt or manipulated']);
  });

  test('a tampered payload or another secret is refused', async () => {
    const [header, , signature] = sign(claims({exp: NOW + 600})).split('.');
    const tampered = `${header}.${b64(claims({exp: NOW + 600, params: {tenant: 'Globex'}}))}.${signature}`;
    for (const token of [tampered, sign(claims({exp: NOW + 600}), {}, 'f'.repeat(64)), 'a.b.c']) {
      const answer = await dashboard(token);
      assert.deepEqual([answer.status, answer.text], [400, 'Message seems corrupt or manipulated'], token);
    }
    // Not even shaped like a JWT: Metabase's route pattern for the token does not match it.
    const shapeless = await dashboard('not-a-jwt');
    assert.deepEqual([shapeless.status, shapeless.text], [404, '"API endpoint does not exist."']);
  });

  test('resource: a positive integer or a 21-character entity id', async () => {
    assert.equal((await dashboard(sign({resource: {dashboard: 'SalesOverviewDash0001'}, params: {}}))).status, 200);
    for (const id of [0, -1, 1.5, '1', 'SalesOverviewDash000', true]) {
      const answer = await dashboard(sign({resource: {dashboard: id}, params: {}}));
      // Malli's wording, as Metabase's embed_test.clj bad-dashboard-id-fails matches it.
      assert.equal(answer.status, 400);
      assert.match(
        answer.text,
        /^Invalid input: .+value must be an integer greater than zero.+got.+$/,
        JSON.stringify(id),
      );
      assert.ok(answer.text.includes(`got: ${JSON.stringify(id)}`), answer.text);
    }
  });

  test('a token for the other kind of resource names the missing key path', async () => {
    const answer = await dashboard(sign({resource: {question: 302}, params: {}}));
    assert.deepEqual([answer.status, answer.text], [400, 'Token is missing value for keypath [:resource :dashboard]']);
    const card = await emulator.get(`/api/embed/card/${sign({resource: {dashboard: 1}, params: {}})}`);
    assert.deepEqual([card.status, card.text], [400, 'Token is missing value for keypath [:resource :question]']);
  });

  // Metabase's static embed serves no document: its token schema closes `resource` over
  // `question` and `dashboard` (docs/emulator.md, "Where it differs"). Each row names the
  // path, the token's resource and the answer; the same path with the document key dropped
  // must answer 2xx, so the refusal is the key's doing and not the path's.
  const refusal = (value: number) =>
    `Invalid input: {:resource {:document ["disallowed key, got: ${value}"]}} ` +
    `(a token's resource is {"question": id} or {"dashboard": id})`;
  const documentRows: Array<{path: string; resource: Record<string, number>}> = [
    {path: '/api/embed/card/{token}', resource: {document: 1}},
    {path: '/api/embed/card/{token}', resource: {question: 302, document: 2}},
    {path: '/api/embed/card/{token}/query', resource: {question: 302, document: 2}},
    {path: '/api/embed/card/{token}/query/csv', resource: {question: 302, document: 2}},
    {path: '/api/embed/card/{token}/params/p-category/values', resource: {question: 302, document: 2}},
    {path: '/api/embed/dashboard/{token}', resource: {document: 1}},
    {path: '/api/embed/dashboard/{token}', resource: {dashboard: 1, document: 2}},
    {path: '/api/embed/dashboard/{token}/dashcard/1/card/101', resource: {dashboard: 1, document: 2}},
    {path: '/api/embed/dashboard/{token}/params/p-category/values', resource: {dashboard: 1, document: 2}},
    {path: '/api/embed/dashboard/{token}/params/p-category/search/Gi', resource: {dashboard: 1, document: 2}},
  ];
  for (const {path, resource} of documentRows) {
    test(`document: ${path} with resource ${JSON.stringify(resource)} is a 400 naming resource`, async () => {
      const url = (claim: object) => path.replace('{token}', sign(claims({resource: claim, exp: NOW + 600})));
      const answer = await emulator.get(url(resource));
      assert.deepEqual(
        [answer.status, answer.type, answer.text],
        [400, 'text/plain; charset=utf-8', refusal(resource.document!)],
      );
      const others = Object.fromEntries(Object.entries(resource).filter(([key]) => key !== 'document'));
      if (Object.keys(others).length === 0) return; // nothing else to open
      const opened = await emulator.get(url(others));
      assert.ok(opened.status === 200 || opened.status === 202, `${opened.status} ${opened.text}`);
    });
  }

  test('document: /embed/document/<token> is the embed app\'s "Not found" page, as in Metabase', async () => {
    const page = await emulator.get(`/embed/document/${sign(claims({resource: {document: 1}, exp: NOW + 600}))}`);
    assert.deepEqual([page.status, page.type], [200, 'text/html; charset=utf-8']);
    assert.match(page.text, /<p class="mb-error-message">Not found<\/p>/);
    assert.match(page.text, /<html lang="en" data-state="error">/);
    const dashboardPage = await emulator.get(`/embed/dashboard/${sign(claims({exp: NOW + 600}))}`);
    assert.doesNotMatch(dashboardPage.text, /Not found/, 'a dashboard page is not the "Not found" page');
  });

  test('params is required ({} is fine)', async () => {
    const answer = await dashboard(sign({resource: {dashboard: 1}}));
    assert.deepEqual([answer.status, answer.text], [400, 'Token is missing value for keypath [:params]']);
    assert.equal((await dashboard(sign({resource: {dashboard: 1}, params: {}}))).status, 200);
  });

  test('the query endpoints re-check the token too', async () => {
    const expired = sign(claims({exp: NOW - 61}));
    const answer = await emulator.get(`/api/embed/dashboard/${expired}/dashcard/1/card/101`);
    assert.deepEqual([answer.status, answer.text], [400, `Token is expired (${NOW - 61})`]);
  });
});
