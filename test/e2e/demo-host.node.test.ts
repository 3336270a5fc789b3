// The demo's host app over real HTTP on loopback: what it serves, what it refuses, and its
// configuration from the environment.
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {startDemo, type Demo} from '../../demo/demo.js';
import {loopbackAliases} from '../../demo/hosts.js';
import {listen, closeServer} from '../../support/http.js';
import {realMetabaseFromEnv} from '../../demo/metabase-env.js';
import {startOptions} from '../../demo/start-options.js';
import {SAMPLE, startEmulator} from '../../emulator/src/index.js';

const REAL_ENV = {
  METABASE_SITE_URL: 'https://metabase.example.com/',
  METABASE_SECRET_KEY: 'ab'.repeat(32),
  METABASE_DASHBOARD_ID: '12',
  METABASE_QUESTION_ID: 'AbCdEfGhIjKlMnOpQrStU',
  METABASE_TENANT_PARAM: 'customer_id',
  METABASE_TENANTS: '7, 8',
  METABASE_FILTER_PARAM: 'category',
  METABASE_FILTER_VALUES: 'Gadget,Gizmo',
  METABASE_DATE_PARAM: 'created_at',
};

describe('demo host app (on the emulator)', () => {
  let demo: Demo;
  let origin: string;
  let cookie: string;

  before(async () => {
    demo = await startDemo({port: 0, env: {}});
    origin = new URL(demo.url).origin;
    const page = await fetch(demo.url);
    cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  });
  after(() => demo.close());

  const token = (headers: Record<string, string>, body: unknown = {resource: {dashboard: 1}, params: {}}) =>
    fetch(`${origin}/api/metabase/embed`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', ...headers},
      body: JSON.stringify(body),
    });

  it('binds to loopback, starts the emulator, and serves every page with a session cookie and a CSP', async () => {
    assert.match(demo.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(demo.emulatorUrl!, /^http:\/\/127\.0\.0\.1:\d+$/);
    for (const path of ['', 'question', 'lazy', 'script-tag']) {
      const response = await fetch(`${demo.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('set-cookie')!, /^demo_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
      const csp = response.headers.get('content-security-policy')!;
      assert.ok(csp.includes(`frame-src ${demo.emulatorUrl}`), csp);
      assert.doesNotMatch(await response.text(), /[0-9a-f]{64}/, 'no secret-shaped string in the page');
    }
  });

  it("signs tokens for the session's tenant, only for the app's own origin", async () => {
    const signed = await token({Origin: origin, Cookie: cookie});
    assert.equal(signed.status, 200);
    const {token: jwt} = (await signed.json()) as {token: string};
    assert.deepEqual(JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).params, {tenant: 'Acme'});

    assert.equal((await token({Origin: 'http://evil.example', Cookie: cookie})).status, 403);
    assert.equal((await token({Origin: origin})).status, 401, 'no session');
    assert.equal(
      (await token({Origin: origin, Cookie: cookie}, {resource: {dashboard: 99}, params: {}})).status,
      403,
      'not on the pages',
    );
  });

  it('on loopback, also accepts the page opened as localhost or [::1], by exact origin', async () => {
    const {port} = new URL(demo.url);
    for (const alias of [`http://localhost:${port}`, `http://[::1]:${port}`]) {
      const signed = await token({Origin: alias, Cookie: cookie});
      assert.equal(signed.status, 200, `${alias}: ${await signed.clone().text()}`);
      const switched = await fetch(`${origin}/session`, {
        method: 'POST',
        headers: {Origin: alias},
        body: new URLSearchParams({user: 'ada'}),
        redirect: 'manual',
      });
      assert.equal(switched.status, 303, alias);
    }
    const otherPort = String(Number(port) === 65535 ? 1 : Number(port) + 1);
    for (const stranger of [
      `http://localhost:${otherPort}`,
      `http://localhost.evil.example:${port}`,
      `https://localhost:${port}`,
      'http://localhost',
    ]) {
      assert.equal((await token({Origin: stranger, Cookie: cookie})).status, 403, stranger);
    }
  });

  it('serves the element, its imports and the page scripts, and nothing else from disk', async () => {
    const status = async (path: string) => (await fetch(`${origin}${path}`)).status;
    assert.equal(await status('/dist/cdn/metabase-embed.iife.js'), 200);
    assert.equal(await status('/dist/index.js'), 200);
    assert.equal(await status('/node_modules/lit/index.js'), 200);
    assert.equal(await status('/node_modules/iframe-resizer/js/iframeResizer.js'), 200);
    for (const path of [
      '/node_modules/sinon/package.json',
      '/node_modules/lit/%2e%2e/%2e%2e/package.json',
      '/dist/%2e%2e/package.json',
      '/assets/..%2fstart.js',
      '/package.json',
    ]) {
      assert.equal(await status(path), 404, path);
    }
    const script = await fetch(`${origin}/assets/dashboard-page.js`);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.doesNotMatch(await script.text(), /: string/, 'TypeScript is transpiled');
  });

  it('switches users only from its own pages, to known users, back to its own pages', async () => {
    const switchUser = (body: Record<string, string>, headers: Record<string, string> = {Origin: origin}) =>
      fetch(`${origin}/session`, {method: 'POST', headers, body: new URLSearchParams(body), redirect: 'manual'});

    const moved = await switchUser({user: 'grace', return: '/lazy'});
    assert.equal(moved.status, 303);
    assert.equal(moved.headers.get('location'), './lazy');
    const session = moved.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await (await fetch(`${origin}/session`, {headers: {Cookie: session}})).json()) as {
      user: {tenant: {name: string}};
    };
    assert.equal(me.user.tenant.name, 'Globex');

    assert.equal((await switchUser({user: 'grace', return: 'https://evil.example/'})).headers.get('location'), './');
    assert.equal((await switchUser({user: 'grace'}, {Origin: 'http://evil.example'})).status, 403);
    const unknown = await switchUser({user: 'mallory'});
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /Choose one of: ada, grace, alan, barbara/);
    assert.equal((await switchUser({user: 'x'.repeat(2000)})).status, 413);
  });
});

describe('demo clock', () => {
  it('is one clock for the token signer and the emulator the demo starts', async () => {
    // Years ago: on the real clock these tokens would be long expired.
    const then = Date.parse('2020-01-01T00:00:00Z');
    const demo = await startDemo({port: 0, env: {}, now: () => new Date(then)});
    try {
      const origin = new URL(demo.url).origin;
      const cookie = (await fetch(demo.url)).headers.get('set-cookie')!.split(';')[0]!;
      const signed = await fetch(`${origin}/api/metabase/embed`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Origin: origin, Cookie: cookie},
        body: JSON.stringify({resource: {dashboard: SAMPLE.salesDashboard.id}, params: {}}),
      });
      const {token} = (await signed.json()) as {token: string};
      assert.equal(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).iat, then / 1000);
      const dashboard = await fetch(`${demo.emulatorUrl}/api/embed/dashboard/${token}`);
      assert.equal(dashboard.status, 200, await dashboard.clone().text());
    } finally {
      await demo.close();
    }
  });
});

describe('demo on a real Metabase (from the environment)', () => {
  it('starts no emulator and frames only the configured site', async () => {
    const demo = await startDemo({port: 0, env: REAL_ENV});
    try {
      assert.equal(demo.emulatorUrl, undefined);
      const page = await fetch(demo.url);
      assert.ok(page.headers.get('content-security-policy')!.includes('frame-src https://metabase.example.com;'));
      assert.match(await page.text(), /<metabase-embed dashboard="12"/);
    } finally {
      await demo.close();
    }
  });

  it("embeds a Metabase it did not start: its tokens pass that server's checks", async () => {
    // A separately started emulator stands in for a real Metabase reached by URL and secret.
    const secretKey = 'cd'.repeat(32);
    const metabase = await startEmulator({secretKey});
    const demo = await startDemo({
      port: 0,
      env: {
        METABASE_SITE_URL: metabase.url,
        METABASE_SECRET_KEY: secretKey,
        METABASE_DASHBOARD_ID: String(SAMPLE.salesDashboard.id),
        METABASE_TENANT_PARAM: 'tenant',
        METABASE_TENANTS: 'Acme,Globex',
        METABASE_FILTER_PARAM: 'category',
        METABASE_FILTER_VALUES: 'Gadget,Gizmo',
      },
    });
    try {
      assert.equal(demo.emulatorUrl, undefined);
      const origin = new URL(demo.url).origin;
      const cookie = (await fetch(demo.url)).headers.get('set-cookie')!.split(';')[0]!;
      const signed = await fetch(`${origin}/api/metabase/embed`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Origin: origin, Cookie: cookie},
        body: JSON.stringify({resource: {dashboard: SAMPLE.salesDashboard.id}, params: {category: 'Gizmo'}}),
      });
      assert.equal(signed.status, 200);
      const {url, token} = (await signed.json()) as {url: string; token: string};
      assert.ok(url.startsWith(`${metabase.url}/embed/dashboard/`));
      const dashboard = await fetch(`${metabase.url}/api/embed/dashboard/${token}`);
      assert.equal(dashboard.status, 200, await dashboard.clone().text());
      assert.equal(((await dashboard.json()) as {name: string}).name, 'Sales overview');
    } finally {
      await demo.close();
      await metabase.close();
    }
  });

  it('reads the items, the locked slug, the tenants and the page filters', () => {
    const {siteUrl, content} = realMetabaseFromEnv(REAL_ENV)!;
    assert.equal(siteUrl, 'https://metabase.example.com/');
    assert.deepEqual(content.dashboard.resource, {dashboard: 12});
    assert.deepEqual(content.dashboard.editable, ['category', 'created_at']);
    assert.deepEqual(content.question?.resource, {question: 'AbCdEfGhIjKlMnOpQrStU'});
    assert.equal(content.tenantSlug, 'customer_id');
    assert.deepEqual(
      content.users.map((user) => user.tenant.value),
      ['7', '8'],
    );
    assert.deepEqual(content.dashboard.select?.options, ['Gadget', 'Gizmo']);
  });

  const refusals: Array<[string, Record<string, string>, RegExp]> = [
    ['only a site URL', {METABASE_SITE_URL: 'https://m.example'}, /Set both METABASE_SITE_URL and METABASE_SECRET_KEY/],
    ['no dashboard', {...REAL_ENV, METABASE_DASHBOARD_ID: ''}, /METABASE_DASHBOARD_ID is required/],
    [
      'a dashboard id that is neither kind',
      {...REAL_ENV, METABASE_DASHBOARD_ID: '12abc'},
      /METABASE_DASHBOARD_ID must be a positive integer id or a 21-character entity id, got "12abc"/,
    ],
    [
      'a slug with capitals',
      {...REAL_ENV, METABASE_TENANT_PARAM: 'Tenant'},
      /METABASE_TENANT_PARAM must be a parameter slug/,
    ],
    ['a filter without values', {...REAL_ENV, METABASE_FILTER_VALUES: ''}, /METABASE_FILTER_VALUES is required/],
  ];
  for (const [name, env, message] of refusals) {
    it(`refuses ${name} with a message that names the variable`, () => {
      assert.throws(() => realMetabaseFromEnv(env), message);
    });
  }

  it('is off when neither variable is set', () => {
    assert.equal(realMetabaseFromEnv({METABASE_DASHBOARD_ID: '12'}), undefined);
  });

  it('refuses a malformed secret when the demo starts, without echoing it', async () => {
    await assert.rejects(
      startDemo({port: 0, env: {...REAL_ENV, METABASE_SECRET_KEY: 'not-hex-secret'}}),
      (error: Error) => {
        assert.match(error.message, /secretKey must be Metabase's embedding secret key/);
        assert.doesNotMatch(error.message, /not-hex-secret/);
        return true;
      },
    );
  });
});

describe('demo host choice', () => {
  it('adds loopback aliases only on a loopback address', () => {
    assert.deepEqual(loopbackAliases('127.0.0.1', 3000), ['http://localhost:3000', 'http://[::1]:3000']);
    assert.deepEqual(loopbackAliases('::1', 3000), ['http://127.0.0.1:3000', 'http://localhost:3000']);
    assert.deepEqual(loopbackAliases('192.168.1.5', 3000), []);
    assert.deepEqual(loopbackAliases('example.local', 3000), []);
  });

  for (const host of ['0.0.0.0', '::', '0:0:0:0:0:0:0:0']) {
    it(`refuses to listen on every interface (${host})`, async () => {
      await assert.rejects(
        startDemo({host, port: 0, env: {}}),
        /The demo does not listen on ".*" \(every interface\)[\s\S]*Use 127\.0\.0\.1/,
      );
    });
  }

  it("npm start reads --host and PORT, never HOST (tcsh sets it to the machine's name)", () => {
    assert.deepEqual(startOptions([], {HOST: 'build-box.example', PORT: '4000'}), {host: '127.0.0.1', port: 4000});
    assert.deepEqual(startOptions(['--host', '::1', '--port', '0'], {HOST: 'build-box.example', PORT: '4000'}), {
      host: '::1',
      port: 0,
    });
    assert.deepEqual(startOptions([], {}), {host: '127.0.0.1'});
    assert.throws(() => startOptions(['--port', '70000'], {}), /--port must be a port number/);
  });

  it('npm start -- --plan oss|pro picks the plan the emulator emulates', () => {
    assert.deepEqual(startOptions(['--plan', 'oss'], {}), {host: '127.0.0.1', emulatorPlan: 'oss'});
    assert.deepEqual(startOptions(['--plan=pro'], {}), {host: '127.0.0.1', emulatorPlan: 'pro'});
    assert.throws(() => startOptions(['--plan', 'free'], {}), /--plan must be "oss" or "pro", got "free"/);
  });
});

describe('demo plans', () => {
  /** The plan the demo's emulator serves its pages as, and what the demo's footer says about it. */
  async function planOf(demo: Demo) {
    const shell = await (await fetch(`${demo.emulatorUrl}/embed/dashboard/x`)).text();
    const footer = await (await fetch(demo.url)).text();
    return {page: /data-plan="(\w+)"/.exec(shell)?.[1], note: /class="plan-note" data-plan="(\w+)"/.exec(footer)?.[1]};
  }

  it('a paid plan by default, so that locale, font and downloads show a difference; the footer says so', async () => {
    const demo = await startDemo({port: 0, env: {}});
    try {
      assert.deepEqual(await planOf(demo), {page: 'pro', note: 'pro'});
      assert.match(await (await fetch(demo.url)).text(), /emulates a <strong>paid plan<\/strong>/);
    } finally {
      await demo.close();
    }
  });

  it('emulatorPlan "oss": open-source Metabase, and the footer says so', async () => {
    const demo = await startDemo({port: 0, env: {}, emulatorPlan: 'oss'});
    try {
      assert.deepEqual(await planOf(demo), {page: 'oss', note: 'oss'});
      assert.match(await (await fetch(demo.url)).text(), /emulates <strong>open-source Metabase<\/strong>/);
    } finally {
      await demo.close();
    }
  });
});

describe('demo port choice', () => {
  it('moves to the next port when one is taken, and fails on an explicit busy port', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const taken = (busy.address() as AddressInfo).port;
    try {
      const server = createServer();
      const port = await listen(server, '127.0.0.1', [taken, 0]);
      assert.notEqual(port, taken);
      await closeServer(server);
      await assert.rejects(startDemo({port: taken, env: {}}), /EADDRINUSE/);
    } finally {
      await closeServer(busy);
    }
  });
});
