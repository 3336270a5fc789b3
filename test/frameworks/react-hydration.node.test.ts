// React 19 server rendering in a browser (test/frameworks/apps/react19-ssr/, from the packed
// package): react-dom/server writes <MetabaseEmbed> (at /) or the plain <metabase-embed>
// (at /plain) with the attributes embedAttributes returned (a first token the server signed
// among them), hydrateRoot takes the page over with React's and Lit's development builds.
// react-ssr.node.test.ts checks the markup alone.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {Page} from 'puppeteer-core';
import {servedExample} from './support/example-checks.js';
import {openExample, shownParams, statusText, type ExamplePage} from './support/example-page.js';
import {startReactSsrApp} from './support/react-ssr-app.js';

const loaded = (times: number) => `Dashboard loaded ${times} time(s)`;

/** The token the server wrote on the tag and the tokens of the iframes on screen. */
const serverAndShownTokens = (page: Page) =>
  page.$eval('metabase-embed', (embed) => {
    const iframes = [...embed.shadowRoot!.querySelectorAll('iframe')];
    const shown = iframes.filter((iframe) => iframe.src && getComputedStyle(iframe).visibility !== 'hidden');
    return {
      server: embed.getAttribute('token'),
      shown: shown.map(({src}) => new URL(src).pathname.split('/').at(-1)),
    };
  });

/**
 * The cases every server-rendered page of the app must pass, for the page `page()` returns:
 * the server's token shown at once, a quiet hydration, one re-sign per pick.
 */
function itHydratesTheServerToken(page: () => ExamplePage, secretKey: string): void {
  it("shows the server's filter with the token the server signed, before any token request", async () => {
    const app = page();
    assert.deepEqual(await shownParams(app, 'Widget', secretKey), {category: 'Widget', tenant: 'Acme'});
    // The status line is React's state, set by the load listener: the page has hydrated.
    assert.equal(await statusText(app, loaded(1)), loaded(1));
    assert.equal(await app.requestsBeforeFirstReady(), 0);
    const tokens = await serverAndShownTokens(app.page);
    assert.deepEqual(tokens.shown, [tokens.server]);
    // The tag keeps the attributes the server wrote and gains none. The wrapper tells React not
    // to compare the element's attributes at hydration, so on that page this is the only check.
    assert.deepEqual(await app.page.$eval('metabase-embed', (embed) => embed.getAttributeNames()), [
      'endpoint',
      'dashboard',
      'params',
      'site-url',
      'token',
      'min-height',
    ]);
  });

  it('hydrates with no mismatch and nothing logged (development builds of React and Lit)', () => {
    const app = page();
    // React reports a hydration mismatch as a console error; Lit's development build prints
    // its one dev-mode notice (so its other warnings would show).
    assert.deepEqual(
      {consoleProblems: app.consoleProblems, litDevModeNotices: app.litDevModeNotices.length},
      {consoleProblems: [], litDevModeNotices: 1},
    );
  });

  it('a category picked after hydration re-signs exactly once, quietly', async () => {
    const app = page();
    await app.page.select('select', 'Gizmo');
    assert.deepEqual(await shownParams(app, 'Gizmo', secretKey), {category: 'Gizmo', tenant: 'Acme'});
    assert.equal(await statusText(app, loaded(2)), loaded(2));
    assert.deepEqual(
      {
        tokenRequests: await app.tokenRequests(),
        failed: await app.failedTokenRequests(),
        consoleProblems: app.consoleProblems,
      },
      {tokenRequests: [{resource: {dashboard: 1}, params: {category: 'Gizmo'}}], failed: [], consoleProblems: []},
    );
  });
}

describe('React 19 server rendering, hydrated in Chromium', () => {
  const example = servedExample((emulator, secretKey) => startReactSsrApp({emulator, secretKey}));

  describe('<MetabaseEmbed> (/)', () => {
    itHydratesTheServerToken(() => example.page(), example.secretKey);
  });

  // The README's way without the wrapper: the attributes spread onto the plain tag, the
  // filters as JSON text (metabase-embed/jsx types). React compares every attribute of this
  // tag at hydration (no suppressHydrationWarning), so one the element wrote on itself would
  // be reported.
  describe('the plain <metabase-embed> tag (/plain)', () => {
    let plain: ExamplePage | undefined;
    before(async () => {
      plain = await openExample(new URL('/plain', example.served().url).href);
    });
    after(() => plain?.close());
    itHydratesTheServerToken(() => plain!, example.secretKey);
  });
});
