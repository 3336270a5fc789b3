// React 19 server rendering in a browser (test/frameworks/apps/react19-ssr/, from the packed
// package): react-dom/server writes <MetabaseEmbed> with the attributes embedAttributes
// returned (a first token the server signed among them), hydrateRoot takes the page over
// with React's and Lit's development builds. react-ssr.node.test.ts checks the markup alone.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {servedExample} from './support/example-checks.js';
import {shownParams, statusText} from './support/example-page.js';
import {startReactSsrApp} from './support/react-ssr-app.js';

const loaded = (times: number) => `Dashboard loaded ${times} time(s)`;

describe('React 19 server rendering, hydrated in Chromium', () => {
  const example = servedExample((emulator, secretKey) => startReactSsrApp({emulator, secretKey}));

  it("shows the server's filter with the token the server signed, before any token request", async () => {
    const app = example.page();
    assert.deepEqual(await shownParams(app, 'Widget', example.secretKey), {category: 'Widget', tenant: 'Acme'});
    // The status line is React's state, set by the load listener: the page has hydrated.
    assert.equal(await statusText(app, loaded(1)), loaded(1));
    assert.equal(await app.requestsBeforeFirstReady(), 0);
    const tokens = await app.page.$eval('metabase-embed', (embed) => {
      const iframes = [...embed.shadowRoot!.querySelectorAll('iframe')];
      const shown = iframes.filter((iframe) => iframe.src && getComputedStyle(iframe).visibility !== 'hidden');
      return {
        server: embed.getAttribute('token'),
        shown: shown.map(({src}) => new URL(src).pathname.split('/').at(-1)),
      };
    });
    assert.deepEqual(tokens.shown, [tokens.server]);
    // The tag keeps the attributes the server wrote and gains none: the wrapper tells React not
    // to report the element's own attributes at hydration, so this checks them instead.
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
    const app = example.page();
    // React reports a hydration mismatch as a console error; Lit's development build prints
    // its one dev-mode notice (so its other warnings would show).
    assert.deepEqual(
      {consoleProblems: app.consoleProblems, litDevModeNotices: app.litDevModeNotices.length},
      {
        consoleProblems: [],
        litDevModeNotices: 1,
      },
    );
  });

  it('a category picked after hydration re-signs exactly once, quietly', async () => {
    const app = example.page();
    await app.page.select('select', 'Gizmo');
    assert.deepEqual(await shownParams(app, 'Gizmo', example.secretKey), {category: 'Gizmo', tenant: 'Acme'});
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
});
