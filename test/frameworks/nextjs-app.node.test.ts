// The Next.js App Router example (examples/nextjs/), built with `next build` against the
// packed package and driven in Chromium against the emulator: a server component that signs
// the first token (no request on load), <MetabaseEmbed> rendered by a server component and
// by a client component with state and events, and the route handler for every later token.
// The client component's part of the page goes through the checks every example passes
// (support/example-checks.ts); the page's other two embeds are checked here.
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {itServesTheSalesDashboard, servedExample} from './support/example-checks.js';
import {shownParams, type ExamplePage} from './support/example-page.js';
import {sizesInBuild} from './support/example-size.js';
import {
  buildNextApp,
  nextAppDir,
  nextClientBuild,
  startNextApp,
  startNextDev,
  type NextBuild,
} from './support/next-app.js';

/** How long `next dev` may take to compile the page and the route handler: minutes on a loaded 2-core machine. */
const COMPILE_WITHIN_MS = 180_000;

describe('Next.js App Router example', () => {
  let build: NextBuild = {code: null, output: ''};
  before(() => {
    build = buildNextApp();
    assert.equal(build.code, 0, build.output);
  });
  // After the build above: an emulator, `next start` against it, Chromium on its page.
  const example = servedExample((emulator, secretKey) => startNextApp({siteUrl: emulator.url, secretKey}));

  it('next build succeeds with no METABASE_* setting in the environment', () => {
    assert.doesNotMatch(build.output, /EmbedValidationError|siteUrl is missing|useRef is not a function/);
  });

  it('the server-rendered HTML carries each embed its filters, and the first one its token and site', async () => {
    const html = await (await fetch(example.served().url)).text();
    assert.match(
      html,
      /<metabase-embed endpoint="\/api\/metabase\/embed" dashboard="1" params="\{&quot;category&quot;:&quot;Gizmo&quot;\}" site-url="http:\/\/127\.0\.0\.1:\d+" token="[\w-]+\.[\w-]+\.[\w-]+">/,
    );
    assert.match(
      html,
      /<metabase-embed dashboard="1" endpoint="\/api\/metabase\/embed" params="\{&quot;category&quot;:&quot;Doohickey&quot;\}">/,
    );
    assert.match(
      html,
      /<metabase-embed dashboard="1" endpoint="\/api\/metabase\/embed" params="\{&quot;category&quot;:&quot;Widget&quot;\}">/,
    );
  });

  it("the server components' embeds show their filters and the locked tenant; the page token needs no request", async () => {
    const app = example.page();
    assert.deepEqual(
      {
        'server-token': await shownParams(app, 'Gizmo', example.secretKey, '#server-token'),
        'server-wrapper': await shownParams(app, 'Doohickey', example.secretKey, '#server-wrapper'),
      },
      {
        'server-token': {category: 'Gizmo', tenant: 'Acme'},
        'server-wrapper': {category: 'Doohickey', tenant: 'Acme'},
      },
    );
    const asked = (await app.tokenRequests()).map(({params}) => params['category']);
    assert.ok(!asked.includes('Gizmo'), `no request for the page-signed Gizmo embed: ${asked.join(', ')}`);
  });

  // The client component's embed: Widget first, then Gadget picked; the server wrapper's
  // embed asks for Doohickey on load, the page-signed one asks for nothing.
  itServesTheSalesDashboard(
    'nextjs',
    () => ({app: example.page(), secretKey: example.secretKey, ...sizesInBuild(() => nextAppDir, nextClientBuild)}),
    {
      within: '#client-state',
      initial: 'Widget',
      pick: 'Gadget',
      otherRequests: [{resource: {dashboard: 1}, params: {category: 'Doohickey'}}],
    },
  );

  it('DevTools ends each token request answered in full; Chromium may mark it net::ERR_ABORTED', async () => {
    await devtoolsEndsEveryTokenRequest(example.page());
  });

  it('its server logs no error or warning', () => {
    assert.doesNotMatch(example.served().output(), /error|warn/i);
  });
});

// The same app under `next dev`, as its developer first runs it: React's development build
// (strict mode's double effects, hydration checks) and Lit's development warnings would show
// here, never in the production build above. It reuses the folder set up above.
describe('Next.js example under next dev', () => {
  let compiledInMs = 0;
  const example = servedExample(async (emulator, secretKey) => {
    const started = performance.now();
    const dev = await startNextDev({siteUrl: emulator.url, secretKey});
    try {
      // The first visit compiles the page and the route handler: done here, within bounds,
      // so that the page's own requests are not the slow ones.
      await compileRoutes(dev.url);
    } catch (error) {
      await dev.close();
      throw error;
    }
    compiledInMs = performance.now() - started;
    return dev;
  });

  it('shows each embed with its filters after one request per asking embed, and logs nothing', async () => {
    const app = example.page();
    const shown = {
      'server-token': await shownParams(app, 'Gizmo', example.secretKey, '#server-token'),
      'server-wrapper': await shownParams(app, 'Doohickey', example.secretKey, '#server-wrapper'),
      'client-state': await shownParams(app, 'Widget', example.secretKey, '#client-state'),
    };
    const whenAllReady = await app.requestsWhenAllReady();
    console.log(
      `# nextjs (next dev): started and compiled in ${Math.round(compiledInMs)} ms; ${String(whenAllReady)} token ` +
        `requests before all 3 embeds were ready; ${app.consoleProblems.length} console errors/warnings`,
    );
    assert.deepEqual(shown, {
      'server-token': {category: 'Gizmo', tenant: 'Acme'},
      'server-wrapper': {category: 'Doohickey', tenant: 'Acme'},
      'client-state': {category: 'Widget', tenant: 'Acme'},
    });
    assert.equal(whenAllReady, 2);
    assert.deepEqual((await app.tokenRequests()).map(({params}) => params['category']).sort(), ['Doohickey', 'Widget']);
    // Lit's one notice that its development build runs (any Lit element prints it), and nothing else.
    assert.deepEqual(
      {
        console: app.consoleProblems,
        litNotices: app.litDevModeNotices.length,
        failed: await app.failedTokenRequests(),
      },
      {console: [], litNotices: 1, failed: []},
    );
    await devtoolsEndsEveryTokenRequest(app);
  });

  it('its dev server logs no error or warning', () => {
    assert.doesNotMatch(example.served().output(), /error|warn/i);
  });
});

/**
 * What DevTools shows for the page's token requests: each one ended, as finished or as
 * `net::ERR_ABORTED`, none other, and none the page itself aborted or saw fail. Chromium
 * marks a fetch whose answer the page reads as a stream (the element does, to cap its size)
 * net::ERR_ABORTED when the stream's end reaches the page before the loader's own completion:
 * every byte has arrived (each answer's token is the one shown, verified above). See
 * docs/frameworks.md#nextjs-app-router.
 */
async function devtoolsEndsEveryTokenRequest(app: ExamplePage): Promise<void> {
  const made = (await app.tokenRequests()).length;
  // DevTools' end of the last request may come a moment after the page has shown its token.
  await app.devtools.ended(made);
  const {finished, failed} = app.devtools;
  console.log(
    `# nextjs: DevTools ended ${finished.length + failed.length} of ${made} token requests: ` +
      `${finished.length} finished, ${failed.length} net::ERR_ABORTED`,
  );
  assert.deepEqual(
    {
      ended: finished.length + failed.length,
      otherFailures: failed.filter((line) => !line.endsWith(' net::ERR_ABORTED')),
    },
    {ended: made, otherFailures: []},
  );
  assert.deepEqual(await app.failedTokenRequests(), []);
}

/** Asks `next dev` for the page and the route handler once each, so that it compiles them. */
async function compileRoutes(url: string): Promise<void> {
  const signal = AbortSignal.timeout(COMPILE_WITHIN_MS);
  const page = await fetch(url, {signal});
  const html = await page.text();
  assert.equal(page.status, 200, html);
  const token = await fetch(new URL('/api/metabase/embed', url), {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({resource: {dashboard: 1}, params: {}}),
    signal,
  });
  assert.equal(token.status, 200, await token.text());
}
