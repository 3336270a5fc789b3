// An example app's page in Chromium, watched the way its users would notice trouble: what the
// console says, every token request (and how many came before the first ready embed), the
// ones aborted or repeated, the first token shown (verified with jsonwebtoken), axe-core's
// verdict. The CDN address of the package can be answered from the packed build.
import {EventEmitter, once} from 'node:events';
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import type {AxeResults, RunOptions} from 'axe-core';
import type {Page} from 'puppeteer-core';
import {waitForEmbed} from './embed-view.js';
import {launchChromium, type LaunchedChromium} from '../../../support/chromium.js';

const WAIT = {timeout: 30_000};
const LIT_DEV_MODE = 'Lit is in dev mode.';
export const TOKEN_PATH = '/api/metabase/embed';

// In the page, before its scripts: each token request (its body, its answer's status, whether
// its signal aborted it), and how many had been made when the first <metabase-embed> was
// ready (its first metabase-embed-load event) and when every one of the page's was. Aborts are read here, not from DevTools: with
// a Fetch interception on (the CDN address), Chromium reports every cross-origin POST that
// needed a preflight as net::ERR_ABORTED although the page receives its answer.
const countTokenRequests = `
  window.__tokenRequests = [];
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    if (url.pathname !== ${JSON.stringify(TOKEN_PATH)}) return originalFetch.apply(this, arguments);
    const seen = {url: url.href, body: JSON.parse(String(init && init.body)), status: 'pending', aborted: false};
    window.__tokenRequests.push(seen);
    init && init.signal && init.signal.addEventListener('abort', () => (seen.aborted = true), {once: true});
    const answer = originalFetch.apply(this, arguments);
    answer.then((response) => (seen.status = response.status), (error) => (seen.status = String(error)));
    return answer;
  };
  const loaded = new WeakSet();
  document.addEventListener('metabase-embed-load', (event) => {
    window.__requestsBeforeFirstReady ??= window.__tokenRequests.length;
    loaded.add(event.target);
    if ([...document.querySelectorAll('metabase-embed')].every((embed) => loaded.has(embed)))
      window.__requestsWhenAllReady ??= window.__tokenRequests.length;
  }, true);
`;

interface SeenTokenRequest {
  url: string;
  body: TokenRequest;
  status: number | string;
  aborted: boolean;
}

interface CountingWindow {
  __tokenRequests: SeenTokenRequest[];
  __requestsBeforeFirstReady?: number;
  __requestsWhenAllReady?: number;
}

export interface TokenRequest {
  resource: unknown;
  params: Record<string, unknown>;
}

export interface ExamplePageOptions {
  /** Answer requests for this URL with this file (the CDN address of the packed bundle). */
  cdn?: {url: string; file: string} | undefined;
}

export interface ExamplePage {
  page: Page;
  /** Console errors and warnings, and uncaught errors, in order. */
  consoleProblems: string[];
  /**
   * Lit's notice that its development build runs ("Lit is in dev mode."), a warning it prints
   * once for any Lit element under a dev server: kept apart from consoleProblems.
   */
  litDevModeNotices: string[];
  /** How many times the CDN address was asked for (and answered with the packed bundle). */
  cdnRequests(): number;
  /** Token requests the page aborted, that failed, or that were answered >= 400 (`url why`). */
  failedTokenRequests(): Promise<string[]>;
  /**
   * Token requests as DevTools' Network panel ends them (`url net::…` for those it shows as
   * failed or cancelled): what a developer sees in red. Not the page's own count (above): with
   * Fetch interception on, DevTools marks answered cross-origin POSTs as aborted.
   */
  devtools: {
    finished: string[];
    failed: string[];
    /** Resolves once DevTools has ended `count` token requests, or after 30 s. */
    ended(count: number): Promise<void>;
  };
  /** The token requests' bodies so far. */
  tokenRequests(): Promise<TokenRequest[]>;
  /** How many token requests had been made when the first embed was ready. */
  requestsBeforeFirstReady(): Promise<number | undefined>;
  /** How many had been made when every embed of the page was ready (waits for that, within bounds). */
  requestsWhenAllReady(): Promise<number | undefined>;
  /** Requests whose body repeats the one before it: asked twice for the same token. */
  duplicateTokenRequests(): Promise<TokenRequest[]>;
  close(): Promise<void>;
}

/** Opens Chromium on `url` with the watchers above in place before the page's first script. */
export async function openExample(url: string, options: ExamplePageOptions = {}): Promise<ExamplePage> {
  let chromium: LaunchedChromium | undefined;
  try {
    chromium = await launchChromium('example');
    const page = await chromium.browser.newPage();
    const consoleProblems: string[] = [];
    const litDevModeNotices: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warn') return;
      (message.text().startsWith(LIT_DEV_MODE) ? litDevModeNotices : consoleProblems).push(message.text());
    });
    page.on('pageerror', (error) => consoleProblems.push(String(error)));
    const finished: string[] = [];
    const failed: string[] = [];
    const ends = new EventEmitter();
    const isToken = (url: string) => new URL(url).pathname === TOKEN_PATH;
    page.on('requestfinished', (request) => {
      if (isToken(request.url())) finished.push(request.url());
      ends.emit('end');
    });
    page.on('requestfailed', (request) => {
      if (isToken(request.url())) failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
      ends.emit('end');
    });
    const ended = async (count: number) => {
      const signal = AbortSignal.timeout(WAIT.timeout);
      // Timed out: the caller's assertion shows how many ended.
      while (finished.length + failed.length < count && !signal.aborted) {
        await once(ends, 'end', {signal}).catch(() => undefined);
      }
    };
    const devtools = {finished, failed, ended};
    let cdnRequests = 0;
    if (options.cdn) {
      // Only that address is intercepted (DevTools' Fetch domain with a pattern): the page's
      // other requests go to the network untouched.
      const {url: cdnUrl, file} = options.cdn;
      const body = (await readFile(file)).toString('base64');
      const session = await page.createCDPSession();
      session.on('Fetch.requestPaused', ({requestId}) => {
        cdnRequests++;
        void session.send('Fetch.fulfillRequest', {
          requestId,
          responseCode: 200,
          responseHeaders: [
            {name: 'Content-Type', value: 'text/javascript; charset=utf-8'},
            {name: 'Access-Control-Allow-Origin', value: '*'},
          ],
          body,
        });
      });
      await session.send('Fetch.enable', {patterns: [{urlPattern: cdnUrl, requestStage: 'Request'}]});
    }
    await page.evaluateOnNewDocument(countTokenRequests);
    await page.goto(url);
    const seen = () => page.evaluate(() => (window as unknown as CountingWindow).__tokenRequests);
    const tokenRequests = async () => (await seen()).map(({body}) => body);
    const browser = chromium;
    return {
      page,
      consoleProblems,
      litDevModeNotices,
      devtools,
      failedTokenRequests: async () =>
        (await seen())
          .filter(({status, aborted}) => aborted || typeof status !== 'number' || status >= 400)
          .map(({url, status, aborted}) => `${url} ${aborted ? 'aborted' : status}`),
      cdnRequests: () => cdnRequests,
      tokenRequests,
      requestsBeforeFirstReady: () =>
        page.evaluate(() => (window as unknown as CountingWindow).__requestsBeforeFirstReady),
      requestsWhenAllReady: async () => {
        await page
          .waitForFunction(() => (window as unknown as CountingWindow).__requestsWhenAllReady !== undefined, WAIT)
          .catch(() => undefined); // timed out: undefined, and the caller's assertion says so
        return page.evaluate(() => (window as unknown as CountingWindow).__requestsWhenAllReady);
      },
      duplicateTokenRequests: async () => {
        const made = await tokenRequests();
        return made.filter((request, i) => i > 0 && JSON.stringify(request) === JSON.stringify(made[i - 1]));
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await chromium?.close();
    throw error;
  }
}

/**
 * Waits until the page's <metabase-embed> (the one inside `within`, a selector, on a page with
 * several) shows a token whose `category` is `category` (undefined: none) and the emulator's
 * page has drawn it (embed-view.ts); returns the token's params, verified with jsonwebtoken
 * (not with our signer).
 */
export async function shownParams(
  {page}: ExamplePage,
  category: string | undefined,
  secretKey: string,
  within?: string,
): Promise<Record<string, unknown>> {
  return (await waitForEmbed(page, category, secretKey, within)).params;
}

/**
 * The page's status line (`[role=status]`, the one inside `within` if given) once it reads
 * `text`, or what it reads after the wait.
 */
export async function statusText({page}: ExamplePage, text: string, within?: string): Promise<string> {
  const status = within ? `${within} [role=status]` : '[role=status]';
  try {
    await page.waitForFunction(
      (selector: string, wanted: string) => document.querySelector(selector)?.textContent?.trim() === wanted,
      WAIT,
      status,
      text,
    );
  } catch {
    // Timed out: the caller's assertion shows what the visitor reads instead.
  }
  return page.$eval(status, (line) => line.textContent?.trim() ?? '');
}

type AxeWindow = Window & {axe: {run(context: Document, options: RunOptions): Promise<AxeResults>}};

/**
 * axe-core's violations on the app's page, one line per failing element. The embed's iframe
 * is left out (`iframes: false`): it shows the emulator's page, Metabase's in production.
 */
export async function axeViolations({page}: ExamplePage): Promise<string[]> {
  await page.addScriptTag({path: createRequire(import.meta.url).resolve('axe-core/axe.min.js')});
  const results = await page.evaluate(() => (window as unknown as AxeWindow).axe.run(document, {iframes: false}));
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${violation.help})`),
  );
}
