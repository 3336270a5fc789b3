// What every example of examples/ must do for its visitor, as node:test cases: the sample
// "Sales overview" dashboard shows with only the locked tenant in its first token, a category
// picked in the app re-signs exactly once and shows, the element's load event reaches the
// app's status line, nothing is logged, no token request is wasted, axe finds nothing; and
// the line with the element's size in the app next to the CDN bundle's.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, it} from 'node:test';
import {startEmulator} from '../../../emulator/src/index.js';
import {
  axeViolations,
  openExample,
  shownParams,
  statusText,
  type ExamplePage,
  type TokenRequest,
} from './example-page.js';
import {reportSizes, type Size} from './example-size.js';

/** An example app as its test serves it. */
export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/**
 * Registers, in the current `describe`, the hooks every example test needs: an emulator with a
 * fresh secret, the app `serve` starts against it, and Chromium on the app's page. Hooks run
 * in the order they are registered, so a `before` that builds the app goes first.
 */
export function servedExample<App extends ServedApp>(
  serve: (emulator: {url: string}, secretKey: string) => Promise<App>,
): {secretKey: string; served(): App; page(): ExamplePage} {
  const secretKey = randomBytes(32).toString('hex');
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  let served: App | undefined;
  let page: ExamplePage | undefined;
  before(async () => {
    emulator = await startEmulator({secretKey});
    served = await serve(emulator, secretKey);
    page = await openExample(served.url);
  });
  after(async () => {
    await page?.close();
    await served?.close();
    await emulator?.close();
  });
  return {secretKey, served: () => served!, page: () => page!};
}

export interface RunningExample {
  app: ExamplePage;
  /** The emulator's secret, to verify the tokens shown. */
  secretKey: string;
  /** The element's bytes as the app ships them (none under a dev server). */
  elementSize?: () => Size;
  /** The CDN bundle's (dist/cdn/metabase-embed.js of the packed package). */
  cdnSize?: () => Size;
  /**
   * Served by a dev server: Lit's development build must run (its one "dev mode" notice
   * is seen), so that its warnings would be.
   */
  development?: boolean;
}

const embedCount = ({page}: ExamplePage) => page.$$eval('metabase-embed', (embeds) => embeds.length);

const loaded = (times: number) => `Dashboard loaded ${times} time(s)`;

/** The app's filter before and after the visitor picks one. */
export interface CategoryPick {
  /** The category the app starts with, in the first token; none by default. */
  initial?: string | undefined;
  /** The category the test picks in the app's `select`; Gizmo by default. */
  pick?: string | undefined;
  /** The `select` inside the embed's part of the page; `select` by default. */
  selector?: string | undefined;
  /**
   * On a page with several embeds: a selector for the part of the page (its <metabase-embed>,
   * `select` and status line) the cases drive; none by default (the page's own).
   */
  within?: string | undefined;
  /** The token requests the page's other embeds make on load, in any order; none by default. */
  otherRequests?: TokenRequest[] | undefined;
}

/** Requests in a fixed order, to compare those made concurrently. */
const inOrder = (requests: TokenRequest[]) => requests.map((request) => JSON.stringify(request)).sort();

/**
 * Declares the cases in the current `describe`. The app (or its part `within`) shows one
 * <metabase-embed> of dashboard 1, a `select` (`selector`) of categories, and a
 * `[role=status]` line that reads "Dashboard loaded N time(s)" after the element's Nth
 * metabase-embed-load event.
 */
export function itServesTheSalesDashboard(
  example: string,
  running: () => RunningExample,
  {initial, pick = 'Gizmo', selector = 'select', within, otherRequests = []}: CategoryPick = {},
): void {
  const filters = (category: string | undefined) => (category === undefined ? {} : {category});
  const onLoad = [{resource: {dashboard: 1}, params: filters(initial)}, ...otherRequests];

  it("shows the dashboard with the app's filter and the locked tenant in its first token, after one request", async () => {
    const {app, secretKey} = running();
    assert.deepEqual(await shownParams(app, initial, secretKey, within), {...filters(initial), tenant: 'Acme'});
    assert.equal(await statusText(app, loaded(1), within), loaded(1), 'metabase-embed-load reaches the app');
    // One request per embed that asks, none wasted: with one embed, one before it is ready.
    assert.equal(await app.requestsWhenAllReady(), onLoad.length);
    assert.deepEqual(inOrder(await app.tokenRequests()), inOrder(onLoad));
  });

  it('a category picked in the app re-signs exactly once', async () => {
    const {app, secretKey} = running();
    await app.page.select(within ? `${within} ${selector}` : selector, pick);
    assert.deepEqual(await shownParams(app, pick, secretKey, within), {category: pick, tenant: 'Acme'});
    // The second load event comes once the new token's page has loaded: a second request for
    // the same pick would have been made before it.
    assert.equal(await statusText(app, loaded(2), within), loaded(2));
    const made = await app.tokenRequests();
    assert.deepEqual(
      {onLoad: inOrder(made.slice(0, onLoad.length)), afterThePick: made.slice(onLoad.length)},
      {onLoad: inOrder(onLoad), afterThePick: [{resource: {dashboard: 1}, params: {category: pick}}]},
    );
  });

  it('logs nothing, wastes no token request, passes axe; reports the element size', async () => {
    const {app, development = false, elementSize, cdnSize} = running();
    const report = {
      consoleProblems: app.consoleProblems,
      ...(development && {litDevModeNotices: app.litDevModeNotices.length}),
      failedTokenRequests: await app.failedTokenRequests(),
      duplicateTokenRequests: await app.duplicateTokenRequests(),
      axeViolations: await axeViolations(app),
    };
    console.log(
      `# ${example}: ${String(await app.requestsBeforeFirstReady())} token request(s) before the first ready embed ` +
        `(${String(await app.requestsWhenAllReady())} before all ${String(await embedCount(app))} were), ` +
        `${report.consoleProblems.length} console errors/warnings, ${report.failedTokenRequests.length} failed or aborted ` +
        `and ${report.duplicateTokenRequests.length} duplicate token requests, ${report.axeViolations.length} axe violations`,
    );
    if (elementSize && cdnSize) reportSizes(example, {element: elementSize(), cdn: cdnSize()});
    assert.deepEqual(report, {
      consoleProblems: [],
      ...(development && {litDevModeNotices: 1}),
      failedTokenRequests: [],
      duplicateTokenRequests: [],
      axeViolations: [],
    });
  });
}
