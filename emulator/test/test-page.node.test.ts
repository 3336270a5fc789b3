// The fake embed page server (support/embed-page-server.ts) over real HTTP: what each page
// shows and loads, decided by the token it is given.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {SignJWT} from 'jose';
import {startEmbedPageServer, type EmbedPageServer} from '../../support/embed-page-server.js';

let server: EmbedPageServer;
before(async () => {
  server = await startEmbedPageServer();
});
after(() => server.close());

const anyKey = new TextEncoder().encode('not-checked-by-the-fake-page');
const token = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({alg: 'HS256'}).setIssuedAt().setExpirationTime('10m').sign(anyKey);

async function page(path: string) {
  const response = await fetch(`${server.origin}${path}`);
  return {status: response.status, type: response.headers.get('content-type'), text: await response.text()};
}

describe('embed page server', () => {
  test('listens on 127.0.0.1 only', () => {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
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
    assert.match(tall.text, /<script src="\/iframeResizer.contentWindow.js"><\/script>/);
    const plain = await page(`/embed/question/${await token({resource: {question: 3}})}`);
    assert.match(plain.text, /#content { height: 300px;/);
  });

  test('test.resizer false leaves iframe-resizer out', async () => {
    const {text} = await page(`/embed/dashboard/${await token({resource: {dashboard: 1}, test: {resizer: false}})}`);
    assert.doesNotMatch(text, /iframeResizer/);
  });

  test("serves iframe-resizer 4.3.2's own child script", async () => {
    const {status, type, text} = await page('/iframeResizer.contentWindow.js');
    assert.equal(status, 200);
    assert.match(type!, /^text\/javascript/);
    assert.equal(text, readFileSync('node_modules/iframe-resizer/js/iframeResizer.contentWindow.js', 'utf8'));
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

  test("a malformed token gets Metabase's 400 text; unknown paths a 404", async () => {
    assert.deepEqual(await page('/embed/dashboard/not-a-jwt'), {
      status: 400,
      type: 'text/plain; charset=utf-8',
      text: 'Message seems corrupt or manipulated',
    });
    assert.equal((await page('/embed/table/x.y.z')).status, 404);
    assert.equal((await page('/')).status, 404);
  });
});
