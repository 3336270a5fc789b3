// The HTTP side: pages, assets, security headers, methods, the header-size cap, and a
// check that the secret never appears in anything the emulator sends.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {TEST_SECRET, TestEmulator, dashboardToken, dashcardPath, questionToken} from '../../support/emulator-node.js';

describe('emulator HTTP server', () => {
  let emulator: TestEmulator;
  before(async () => (emulator = await TestEmulator.start()));
  after(() => emulator.close());

  test('embed pages are frameable HTML shells with a strict CSP and no token leaks', async () => {
    for (const path of [`/embed/dashboard/${dashboardToken()}`, `/embed/question/${questionToken()}`]) {
      const page = await emulator.get(path);
      assert.equal(page.status, 200);
      assert.equal(page.type, 'text/html; charset=utf-8');
      assert.equal(page.headers.get('x-frame-options'), null);
      const csp = page.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors \*/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      assert.match(page.text, /<script src="\/app\/embed\/embed-page\.js" defer><\/script>/);
      assert.doesNotMatch(page.text, /<script>/); // no inline script
    }
  });

  test('plan: open source unless told "pro"; the page shell tells its script; anything else is a TypeError', async () => {
    assert.match((await emulator.get(`/embed/dashboard/${dashboardToken()}`)).text, /data-plan="oss"/);
    const pro = await TestEmulator.start(undefined, {plan: 'pro'});
    try {
      assert.match((await pro.get(`/embed/question/${questionToken()}`)).text, /data-plan="pro"/);
    } finally {
      await pro.close();
    }
    for (const plan of ['enterprise', '', 1])
      await assert.rejects(TestEmulator.start(undefined, {plan: plan as never}), {
        name: 'TypeError',
        message: new RegExp(
          `^plan must be "oss" or "pro" \\(got ${typeof plan === 'string' ? `"${plan}"` : plan}\\)\\.$`,
        ),
      });
  });

  test('the page shell is served even for a bad token: its script shows the error, as Metabase does', async () => {
    const page = await emulator.get('/embed/dashboard/not-a-token');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /not-a-token/);
  });

  test('serves iframe-resizer 4.3.2: the child for pages and the parent at /app/iframeResizer.js', async () => {
    const require = createRequire(import.meta.url);
    const child = await emulator.get('/app/embed/iframeResizer.contentWindow.js');
    const parent = await emulator.get('/app/iframeResizer.js');
    assert.equal(
      child.text,
      readFileSync(require.resolve('iframe-resizer/js/iframeResizer.contentWindow.min.js'), 'utf8'),
    );
    assert.match(parent.text, /iFrame Resizer .* v4\.3\.2/);
    assert.match(parent.type, /^text\/javascript/);
    assert.equal(parent.headers.get('cross-origin-resource-policy'), 'cross-origin');
  });

  test('serves the page script and stylesheet', async () => {
    const script = await emulator.get('/app/embed/embed-page.js');
    assert.equal(script.status, 200);
    assert.match(script.type, /^text\/javascript/);
    assert.match(script.text, /embed-root/);
    const style = await emulator.get('/app/embed/embed-page.css');
    assert.match(style.type, /^text\/css/);
    assert.match(style.text, /mb-theme-night/);
  });

  test('other paths are 404, other /embed/ paths the embed app\'s "Not found", other methods 405', async () => {
    assert.equal((await emulator.get('/nothing')).status, 404);
    assert.equal((await emulator.get('/embed/dashboard/%E0%A4')).status, 404, 'malformed percent-encoding');
    for (const path of ['/embed/dashboard/', '/embed/question/a.b.c/more', '/embed/document/a.b.c', '/embed']) {
      const page = await emulator.get(path);
      assert.deepEqual([page.status, page.type], [200, 'text/html; charset=utf-8'], path);
      assert.match(page.text, /<p class="mb-error-message">Not found<\/p>/, path);
    }
    const post = await emulator.get(`/api/embed/dashboard/${dashboardToken()}`, {method: 'POST'});
    assert.deepEqual([post.status, post.headers.get('allow')], [405, 'GET, HEAD']);
  });

  test("a request larger than Metabase's 8 KB header limit is refused", async () => {
    const long = await emulator.get(`/embed/dashboard/${dashboardToken()}?category=${'x'.repeat(9000)}`);
    assert.equal(long.status, 431);
  });

  test('the secret appears in no answer, header or error', async () => {
    const paths = [
      `/embed/dashboard/${dashboardToken()}`,
      `/api/embed/dashboard/${dashboardToken()}`,
      `/api/embed/dashboard/${dashboardToken({exp: 1})}`,
      dashcardPath(dashboardToken()),
      `/api/embed/card/${questionToken()}/query/csv`,
      '/api/embed/dashboard/bad.token.here',
      '/app/embed/embed-page.js',
      '/app/embed/embed-page.css',
    ];
    for (const path of paths) {
      const answer = await emulator.get(path);
      assert.ok(!answer.text.includes(TEST_SECRET), path);
      assert.ok(![...answer.headers.values()].some((value) => value.includes(TEST_SECRET)), path);
    }
  });
});
