// The docs' page code, tried as pasted, in Chromium: the block marked example:smallest-page served as
// written (its script path answered with dist/cdn/metabase-embed.js) next to a real token
// endpoint (metabase-embed/server) and the emulator as Metabase; then the docs' CDN tag,
// integrity hash and all, with the bundle on a second origin that plays the CDN. Both pages are
// served with the docs' Content-Security-Policy (example:csp), its example origins replaced by the test's.
// Controls show the checks can fail: without frame-src the embed is blocked, and one changed
// byte in the CDN's file makes the browser refuse the script.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {createServer, type IncomingMessage, type RequestListener, type ServerResponse} from 'node:http';
import {readFileSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import type {Browser, Page} from 'puppeteer-core';
import {SAMPLE, startEmulator} from 'metabase-embed-emulator';
import {createEmbedHandler, toNodeHandler} from 'metabase-embed/server';
import {launchChromium, type LaunchedChromium} from '../../support/chromium.js';
import {cdnBase} from '../../scripts/cdn-snippets.js';
import {codeBlocks, markedBlock, region} from '../../support/markdown.js';

const smallestPage = markedBlock('example', 'smallest-page').body;
const [cdnTags = ''] = codeBlocks(region('cdn-snippets').text, 'html');
const cspLine =
  markedBlock('example', 'csp')
    .body.split('\n')
    .find((line) => line.startsWith('Content-Security-Policy: ')) ?? '';
const readmeMetabaseSite = 'https://metabase.example.com';
const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string};
const moduleBundle = readFileSync('dist/cdn/metabase-embed.js');

const secretKey = randomBytes(32).toString('hex');
let emulator: {url: string; close(): Promise<void>};
let app: Served;
let cdn: Served;
let chromium: LaunchedChromium | undefined;
let browser: Browser;
/** What each page at the app is, keyed by path: its HTML and the CSP it is served with. */
const pages = new Map<string, {html: string; csp: string}>();
const classicBundle = readFileSync('dist/cdn/metabase-embed.iife.js');
/** What the CDN serves for the ES module bundle (a test may tamper with it). */
let cdnModuleBytes: Buffer = moduleBundle;

/** The docs' CDN tags: the ES module's first, then the classic script's. */
function cdnTag(kind: 'module' | 'classic', cdnOrigin: string): string {
  const tags = [...cdnTags.matchAll(/<script[^>]*><\/script>/g)].map(([tag]) => tag);
  assert.equal(tags.length, 2, `docs: expected two CDN tags, found ${tags.length}`);
  const tag = tags[kind === 'module' ? 0 : 1]!; // two, checked above
  assert.equal(tag.includes('type="module"'), kind === 'module', tag);
  return tag.replaceAll('https://cdn.jsdelivr.net', cdnOrigin);
}

/** The smallest page's markup with the docs' CDN tag in place of its own script tag. */
const pageWithCdnTag = (tag: string) => smallestPage.replace(/<script[^>]*><\/script>/, tag);

interface Served {
  origin: string;
  close(): Promise<void>;
}

async function serve(listener: RequestListener): Promise<Served> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers = {}) {
  res.writeHead(status, {'Content-Type': type, ...headers}).end(body);
}

const policyFor = (csp: string) =>
  csp.replace('Content-Security-Policy: ', '').replaceAll(readmeMetabaseSite, emulator.url);

before(async () => {
  assert.ok(
    smallestPage.includes('<metabase-embed'),
    'docs: the block marked <!-- example:smallest-page --> has no tag',
  );
  assert.ok(cdnTags?.includes('integrity="sha384-'), 'docs: no CDN tags with an integrity hash');
  assert.ok(cspLine, 'docs: no "Content-Security-Policy: …" line in the block marked <!-- example:csp -->');
  emulator = await startEmulator({secretKey});
  const endpoint = toNodeHandler(
    createEmbedHandler({
      siteUrl: emulator.url,
      secretKey,
      resources: {
        [`dashboard:${SAMPLE.salesDashboard.id}`]: {editable: ['category'], locked: () => ({tenant: 'Acme'})},
      },
    }),
  );
  app = await serve((req: IncomingMessage, res: ServerResponse) => {
    const page = pages.get(req.url ?? '');
    if (req.method === 'GET' && page)
      return send(res, 200, 'text/html', page.html, {'Content-Security-Policy': page.csp});
    if (req.method === 'GET' && req.url === '/metabase-embed.js')
      return send(res, 200, 'text/javascript', moduleBundle);
    if (req.url === '/api/metabase/embed') return void endpoint(req, res);
    if (req.url === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    send(res, 404, 'text/plain', 'not found');
  });
  const cdnPath = new URL(cdnBase(version)).pathname;
  cdn = await serve((req, res) => {
    const cors = {'Access-Control-Allow-Origin': '*'};
    if (req.url === `${cdnPath}/metabase-embed.js`) return send(res, 200, 'text/javascript', cdnModuleBytes, cors);
    if (req.url === `${cdnPath}/metabase-embed.iife.js`) return send(res, 200, 'text/javascript', classicBundle, cors);
    send(res, 404, 'text/plain', 'not found');
  });
  chromium = await launchChromium('readme-page');
  browser = chromium.browser;
});

after(async () => {
  await chromium?.close();
  await Promise.all([app?.close(), cdn?.close(), emulator?.close()]);
});

interface Visit {
  page: Page;
  violations: () => Promise<string[]>;
  errors: string[];
}

/** Opens a page of the app, recording CSP violations and script errors from the start. */
async function visit(path: string, html: string, csp: string): Promise<Visit> {
  pages.set(path, {html, csp: policyFor(csp)});
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as {cspViolations: string[]}).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${app.origin}${path}`, {waitUntil: 'load'});
  const violations = () => page.evaluate(() => (window as unknown as {cspViolations: string[]}).cspViolations);
  return {page, violations, errors};
}

/** The embed shows the emulator's sales dashboard, sized by iframe-resizer. */
async function expectDashboardShown({page, violations, errors}: Visit) {
  const iframe = await page.waitForSelector('metabase-embed >>> iframe[part~="iframe"]', {timeout: 60_000});
  assert.ok(iframe);
  const src = await iframe.evaluate((frame) => frame.src);
  assert.ok(src.startsWith(`${emulator.url}/embed/dashboard/`), src);
  const frame = await iframe.contentFrame();
  await frame.waitForFunction(() => document.body?.innerText.includes('Sales overview'), {timeout: 60_000});
  await page.waitForFunction(
    () => {
      const shown = document.querySelector('metabase-embed')?.shadowRoot?.querySelector('iframe');
      return (
        shown !== null && shown !== undefined && /^\d+px$/.test(shown.style.height) && shown.style.height !== '150px'
      );
    },
    {timeout: 60_000},
  );
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
}

describe('docs pages in Chromium, with the docs Content-Security-Policy', () => {
  test('"The smallest working page", as pasted, shows the dashboard (bundle served at its path)', async () => {
    const visited = await visit('/smallest.html', smallestPage, cspLine);
    try {
      await expectDashboardShown(visited);
    } finally {
      await visited.page.close();
    }
  });

  for (const kind of ['module', 'classic'] as const) {
    test(`the docs' ${kind} CDN tag (integrity, crossorigin), from another origin, shows the dashboard`, async () => {
      const csp = cspLine.replaceAll('https://cdn.jsdelivr.net', cdn.origin);
      const visited = await visit(`/cdn-${kind}.html`, pageWithCdnTag(cdnTag(kind, cdn.origin)), csp);
      try {
        await expectDashboardShown(visited);
      } finally {
        await visited.page.close();
      }
    });
  }

  test('control: without frame-src the policy blocks the embed (so the checks above can fail)', async () => {
    const withoutFrameSrc = cspLine.replace(/; frame-src [^;]*/, '');
    assert.notEqual(withoutFrameSrc, cspLine);
    const {page, violations} = await visit('/no-frame-src.html', smallestPage, withoutFrameSrc);
    try {
      await page.waitForFunction(
        () => (window as unknown as {cspViolations: string[]}).cspViolations.some((v) => v.startsWith('frame-src')),
        {timeout: 60_000},
      );
      assert.ok((await violations()).some((violation) => violation.startsWith(`frame-src ${emulator.url}`)));
    } finally {
      await page.close();
    }
  });

  test('control: one changed byte in the CDN file and the browser refuses it (integrity is checked)', async () => {
    cdnModuleBytes = Buffer.from(moduleBundle);
    cdnModuleBytes[cdnModuleBytes.length - 2]! ^= 1;
    const csp = cspLine.replaceAll('https://cdn.jsdelivr.net', cdn.origin);
    const visited = await visit('/tampered.html', pageWithCdnTag(cdnTag('module', cdn.origin)), csp);
    try {
      assert.equal(await visited.page.evaluate(() => customElements.get('metabase-embed')), undefined);
      assert.ok(
        visited.errors.some((error) => /integrity/i.test(error)),
        `no integrity error: ${visited.errors.join(' | ')}`,
      );
    } finally {
      cdnModuleBytes = moduleBundle;
      await visited.page.close();
    }
  });
});
