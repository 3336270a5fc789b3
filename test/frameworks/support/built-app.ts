// One framework app, built with Vite into a temporary folder, on its own host server
// (test/frameworks/apps/host.ts), opened in Chromium.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {IncomingMessage} from 'node:http';
import {after, before} from 'node:test';
import {build as esbuild} from 'esbuild';
import type {Page} from 'puppeteer-core';
import {buildFrameworkApp, type BuiltFramework} from '../apps/build.js';
import {builtApp, startFrameworkHost, TOKEN_ENDPOINT, type AppFiles, type FrameworkHost} from '../apps/host.js';
import {launchChromium, type LaunchedChromium as Chromium} from '../../../support/chromium.js';

export interface RunningApp {
  host: FrameworkHost;
  page: Page;
  /** The token endpoint's requests so far. */
  tokenRequests: IncomingMessage[];
  /** Messages the page logged as errors or warnings. */
  consoleProblems: string[];
  /** What the browser had done when the page's first embed loaded; see firstLoad(). */
  firstLoad: Promise<FirstLoad>;
  close(): Promise<void>;
}

/** When the first `metabase-embed-load` reached the page's document. */
export interface FirstLoad {
  /** <metabase-embed> elements on the page. */
  embeds: number;
  /** Token requests the browser had started (aborted ones too), seen by DevTools. */
  tokenRequests: number;
  /** Console warnings and errors (with page errors) so far. */
  consoleProblems: string[];
}

/** Builds `app` (react18) as a dev server would serve it (development builds), and serves it; see startApp. */
export async function buildAndStartApp(app: BuiltFramework): Promise<RunningApp> {
  const outDir = mkdtempSync(join(tmpdir(), `metabase-embed-${app}-build-`));
  try {
    await buildFrameworkApp(app, outDir, {development: true});
    const running = await startApp(builtApp(outDir));
    return {...running, close: () => running.close().finally(() => rmSync(outDir, {recursive: true, force: true}))};
  } catch (error) {
    rmSync(outDir, {recursive: true, force: true});
    throw error;
  }
}

/**
 * In a `describe` of node:test: builds and serves `app` before its tests and opens its page,
 * closes everything after them; the returned function gives the running app.
 */
export function builtAppForTests(app: BuiltFramework): () => RunningApp {
  let running: RunningApp | undefined;
  before(async () => {
    running = await buildAndStartApp(app);
    await running.page.goto(running.host.url);
  });
  after(() => running?.close());
  return () => {
    if (!running) throw new Error(`The ${app} app is not running`);
    return running;
  };
}

/**
 * The element's classic script as a dev server would bundle it: `metabase-embed` (from the
 * build) with the `development` export condition, so Lit's development warnings are in.
 */
export async function buildDevelopmentScript(outDir: string): Promise<string> {
  const outfile = join(outDir, 'metabase-embed.js');
  await esbuild({
    stdin: {contents: "import 'metabase-embed';", resolveDir: process.cwd()},
    bundle: true,
    format: 'iife',
    conditions: ['development'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Serves `files` with a token endpoint and gives a fresh Chromium page (not yet navigated). */
export async function startApp(files: AppFiles): Promise<RunningApp> {
  const tokenRequests: IncomingMessage[] = [];
  const host = await startFrameworkHost(files, {onTokenRequest: (req) => tokenRequests.push(req)});
  let chromium: Chromium | undefined;
  try {
    chromium = await launchChromium('frameworks');
    const page = await chromium.browser.newPage();
    const consoleProblems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warn') return;
      // Lit's one notice that a development build is running, printed for any Lit element.
      if (message.text().startsWith('Lit is in dev mode.')) return;
      consoleProblems.push(message.text());
    });
    page.on('pageerror', (error) => consoleProblems.push(String(error)));
    // Counted by the browser, not the host: a request the element aborts may never reach it.
    let requestsStarted = 0;
    let firstRequestBody: string | undefined;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname !== TOKEN_ENDPOINT) return;
      requestsStarted++;
      firstRequestBody ??= request.postData();
    });
    let reportFirstLoad!: (load: FirstLoad) => void;
    const firstLoad = new Promise<FirstLoad>((resolve) => (reportFirstLoad = resolve));
    await page.exposeFunction('__metabaseEmbedFirstLoad', (embeds: number) => {
      // The figures the run reports (with the first request's filters), next to what is asserted.
      console.log(
        `# first load: ${embeds} embed(s), ${requestsStarted} token request(s), first asked ${firstRequestBody ?? 'nothing'}, ` +
          `${consoleProblems.length} console warning(s)/error(s)`,
      );
      reportFirstLoad({embeds, tokenRequests: requestsStarted, consoleProblems: [...consoleProblems]});
    });
    // A string, not a function: tsx's transform would add helpers the page does not have.
    await page.evaluateOnNewDocument(`
      document.addEventListener('metabase-embed-load', () =>
        window.__metabaseEmbedFirstLoad(document.querySelectorAll('metabase-embed').length), {once: true});
    `);
    const browser = chromium;
    return {
      host,
      page,
      tokenRequests,
      consoleProblems,
      firstLoad,
      close: async () => {
        await Promise.all([browser.close(), host.close()]);
      },
    };
  } catch (error) {
    await Promise.all([chromium?.close(), host.close()]);
    throw error;
  }
}
