// The Next.js App Router example (examples/nextjs/), built with `next build` against the
// packed package and driven in Chromium against the emulator: a server component that signs
// the first token (no request on load), <MetabaseEmbed> rendered by a server component and
// by a client component with state and events, and the route handler for every later token.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import jwt from 'jsonwebtoken';
import type {Page} from 'puppeteer-core';
import {launchChromium, type LaunchedChromium} from '../../support/chromium.js';
import {startEmulator} from '../../emulator/src/index.js';
import {buildNextApp, startNextApp, type NextBuild, type RunningNext} from './support/next-app.js';

const WAIT = {timeout: 60_000};
const sections = ['server-token', 'server-wrapper', 'client-state'] as const;
type Section = (typeof sections)[number];

// Counts the page's token requests in the page itself: all of them, and how many had been
// made when the first embed was ready.
const countTokenRequests = `
  window.tokenRequests = [];
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    if (String(input instanceof Request ? input.url : input).includes('/api/metabase/embed'))
      window.tokenRequests.push(JSON.parse(String(init && init.body)));
    return originalFetch.apply(this, arguments);
  };
  document.addEventListener('metabase-embed-load', () => {
    window.requestsBeforeFirstReady ??= window.tokenRequests.length;
  }, true);
`;

interface PageWindow {
  tokenRequests: Array<{resource: unknown; params: Record<string, unknown>}>;
  requestsBeforeFirstReady?: number;
}

describe('Next.js App Router example', () => {
  const secretKey = randomBytes(32).toString('hex');
  let build: NextBuild;
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  let next: RunningNext | undefined;
  let chromium: LaunchedChromium | undefined;
  let page: Page;
  let html = '';
  const consoleProblems: string[] = [];
  const failedRequests: string[] = [];

  before(async () => {
    build = buildNextApp();
    assert.equal(build.code, 0, build.output);
    emulator = await startEmulator({secretKey});
    next = await startNextApp({siteUrl: emulator.url, secretKey});
    chromium = await launchChromium('nextjs');
    page = await chromium.browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') consoleProblems.push(message.text());
    });
    page.on('pageerror', (error) => consoleProblems.push(String(error)));
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.url()} ${response.status()}`);
    });
    page.on('requestfailed', (request) => failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
    await page.evaluateOnNewDocument(countTokenRequests);
    const response = await page.goto(next.url);
    html = (await response?.text()) ?? '';
  });
  after(async () => {
    await chromium?.close();
    await next?.close();
    await emulator?.close();
  });

  /** The params of the token in the section's visible iframe, verified with the secret, once its page is ready. */
  async function shownParams(section: Section): Promise<Record<string, unknown>> {
    const handle = await page.waitForFunction(
      (id: string) => {
        const el = document.querySelector<HTMLElement & {state: string}>(`#${id} metabase-embed`);
        const iframe = [...(el?.shadowRoot?.querySelectorAll('iframe') ?? [])].find(
          (frame) => frame.src && getComputedStyle(frame).visibility !== 'hidden',
        );
        return el?.state === 'ready' && iframe ? new URL(iframe.src).pathname.split('/').at(-1) : false;
      },
      WAIT,
      section,
    );
    const token = (await handle.jsonValue()) as string;
    const frame = page.frames().find((candidate) => candidate.url().includes(token));
    assert.ok(frame, `no frame shows the ${section} token`);
    await frame.waitForFunction("document.documentElement.dataset.state === 'ready'", WAIT);
    return (jwt.verify(token, secretKey, {algorithms: ['HS256']}) as {params: Record<string, unknown>}).params;
  }

  const requestsBeforeFirstReady = () =>
    page.evaluate(() => (window as unknown as PageWindow).requestsBeforeFirstReady);
  const requests = () => page.evaluate(() => (window as unknown as PageWindow).tokenRequests);

  it('next build succeeds with no METABASE_* setting in the environment', () => {
    assert.doesNotMatch(build.output, /EmbedValidationError|siteUrl is missing|useRef is not a function/);
  });

  it('the server-rendered HTML carries each embed its filters, and the first one its token and site', () => {
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

  it('each embed shows its filter and the locked tenant; the page token was shown with no request', async () => {
    const shown = Object.fromEntries(await Promise.all(sections.map(async (id) => [id, await shownParams(id)])));
    assert.deepEqual(shown, {
      'server-token': {category: 'Gizmo', tenant: 'Acme'},
      'server-wrapper': {category: 'Doohickey', tenant: 'Acme'},
      'client-state': {category: 'Widget', tenant: 'Acme'},
    });
    const made = (await requests()).map(({params}) => params['category']).sort();
    console.log(
      `# Next.js: ${made.length} token requests for 3 embeds (${String(await requestsBeforeFirstReady())} before the first ready embed), ` +
        `${failedRequests.length} failed, ${consoleProblems.length} console warnings/errors`,
    );
    assert.deepEqual(made, ['Doohickey', 'Widget']);
    assert.deepEqual(consoleProblems, []);
  });

  // Open in issue 19: the page makes exactly one token request per <MetabaseEmbed> that asks
  // (2), and reads each answer to its end, yet DevTools reports net::ERR_ABORTED for some of
  // them. Releasing the answer's reader (embed/token-exchange.ts: readCappedText) left 1 of 2 in one run, 0 in a
  // probe; not yet explained. Kept as a todo so the count shows in every run.
  it(
    'no token request is aborted or fails on load',
    {todo: 'ERR_ABORTED on finished token requests (issue 19)'},
    () => {
      assert.deepEqual(failedRequests, []);
    },
  );

  it('the client component: a category picked re-signs through the route handler; its load event counts', async () => {
    await page.select('#client-state select', 'Gadget');
    await page.waitForFunction(
      () => document.querySelector('#client-state [role=status]')?.textContent === 'Dashboard loaded 2 time(s)',
      WAIT,
    );
    assert.deepEqual(await shownParams('client-state'), {category: 'Gadget', tenant: 'Acme'});
    assert.deepEqual((await requests()).at(-1), {resource: {dashboard: 1}, params: {category: 'Gadget'}});
    assert.deepEqual(consoleProblems, []);
    assert.doesNotMatch(next!.output(), /error|warn/i);
  });
});
