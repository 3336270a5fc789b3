// The emulator's test page (the testPage option) over real HTTP: what each page shows and
// loads, decided by the token it is given, and the headers it is sent with.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {SignJWT} from 'jose';
import {startEmulator, type RunningEmulator} from '../src/index.js';
import {TEST_SECRET} from '../../support/emulator-node.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({secretKey: TEST_SECRET, testPage: true});
});
after(() => emulator.close());

const anyKey = new TextEncoder().encode('not-checked-by-the-test-page');
const token = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({alg: 'HS256'}).setIssuedAt().setExpirationTime('10m').sign(anyKey);

async function page(path: string) {
  const response = await fetch(`${emulator.url}${path}`);
  return {status: response.status, type: response.headers.get('content-type'), text: await response.text()};
}

describe('emulator test page', () => {
  test('is off by default: the emulator serves its embed page', async () => {
    const plain = await startEmulator({secretKey: TEST_SECRET});
    try {
      const response = await fetch(`${plain.url}/embed/dashboard/${await token({resource: {dashboard: 1}})}`);
      const text = await response.text();
      assert.match(text, /\/app\/embed\/embed-page\.js/);
      assert.doesNotMatch(text, /embed-facts/);
    } finally {
      await plain.close();
    }
  });

  test('a testPage that is not a boolean is refused, naming the option', async () => {
    await assert.rejects(
      startEmulator({secretKey: TEST_SECRET, testPage: 'yes' as unknown as boolean}),
      /testPage must be true or false \(got string\)/,
    );
  });

  test('a dashboard page shows the decoded resource, token params and query params', async () => {
    const jwt = await token({resource: {dashboard: 12}, params: {category: 'Gizmo'}});
    const {status, type, text} = await page(`/embed/dashboard/${jwt}?size=L&size=XL&color=red`);
    assert.equal(status, 200);
    assert.match(type!, /^text\/html/);
    assert.match(text, /<dd id="resource">{&#34;dashboard&#34;:12}<\/dd>/);
    assert.match(text, /<dd id="token-params">{&#34;category&#34;:&#34;Gizmo&#34;}<\/dd>/);
    assert.match(
      text,
      /<dd id="query-params">{&#34;size&#34;:\[&#34;L&#34;,&#34;XL&#34;\],&#34;color&#34;:&#34;red&#34;}<\/dd>/,
    );
  });

  test('the content block is test.height px high (300 by default) and loads the resizer child', async () => {
    const tall = await page(`/embed/question/${await token({resource: {question: 3}, test: {height: 777}})}`);
    assert.match(tall.text, /#content { height: 777px;/);
    assert.match(tall.text, /<script src="\/app\/embed\/iframeResizer.contentWindow.js"><\/script>/);
    const plain = await page(`/embed/question/${await token({resource: {question: 3}})}`);
    assert.match(plain.text, /#content { height: 300px;/);
  });

  test('test.resizer false leaves iframe-resizer out', async () => {
    const {text} = await page(`/embed/dashboard/${await token({resource: {dashboard: 1}, test: {resizer: false}})}`);
    assert.doesNotMatch(text, /iframeResizer/);
  });

  test('its inline scripts run under a policy that names them by hash, and nothing else inline', async () => {
    const response = await fetch(
      `${emulator.url}/embed/dashboard/${await token({resource: {dashboard: 1}, test: {resizer: 'max'}})}`,
    );
    const csp = response.headers.get('content-security-policy') ?? '';
    const text = await response.text();
    const inline = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    assert.equal(inline.length, 2, 'the page script and the resizer settings');
    const hashes = csp.match(/'sha256-[^']+'/g) ?? [];
    assert.deepEqual(
      inline.map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`).sort(),
      [...hashes].sort(),
    );
    assert.match(csp, /script-src 'self' 'sha256-/);
    assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
    assert.match(csp, /frame-ancestors \*/);
  });

  test("text from the token cannot break out of the page's markup or its JSON script", async () => {
    const hostile = '</script><script>window.owned=1</script><b>';
    const {text} = await page(`/embed/dashboard/${await token({resource: {dashboard: 1}, params: {x: hostile}})}`);
    assert.doesNotMatch(text, /<script>window\.owned/);
    assert.doesNotMatch(text, /<b>/);
  });

  test('test.delayMs delays the page', async () => {
    const jwt = await token({resource: {dashboard: 1}, test: {delayMs: 150}});
    const started = performance.now();
    assert.equal((await page(`/embed/dashboard/${jwt}`)).status, 200);
    assert.ok(performance.now() - started >= 140);
  });

  test('a malformed token gets Metabase\'s 400 text; other /embed/ paths "Not found", the rest a 404', async () => {
    assert.deepEqual(await page('/embed/dashboard/not-a-jwt'), {
      status: 400,
      type: 'text/plain; charset=utf-8',
      text: 'Message seems corrupt or manipulated',
    });
    const other = await page('/embed/table/x.y.z');
    assert.deepEqual([other.status, other.type], [200, 'text/html; charset=utf-8']);
    assert.match(other.text, /Not found/);
    assert.equal((await page('/')).status, 404);
  });
});
