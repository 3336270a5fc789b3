// One framework app, built with Vite into a temporary folder, on its own host server
// (demo/frameworks/host.ts), opened in Chromium.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {IncomingMessage} from 'node:http';
import {after, before} from 'node:test';
import type {Page} from 'puppeteer-core';
import {buildFrameworkApp, type BuiltFramework} from '../../../demo/frameworks/build.js';
import {builtApp, startFrameworkHost, type AppFiles, type FrameworkHost} from '../../../demo/frameworks/host.js';
import {launchChromium, type LaunchedChromium as Chromium} from '../../../support/chromium.js';

export interface RunningApp {
  host: FrameworkHost;
  page: Page;
  /** The token endpoint's requests so far. */
  tokenRequests: IncomingMessage[];
  /** Messages the page logged as errors or warnings. */
  consoleProblems: string[];
  close(): Promise<void>;
}

/** Builds `app` (react, vue) and serves it; see startApp. */
export async function buildAndStartApp(app: BuiltFramework): Promise<RunningApp> {
  const outDir = mkdtempSync(join(tmpdir(), `metabase-embed-${app}-build-`));
  try {
    await buildFrameworkApp(app, outDir);
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
      if (message.type() === 'error' || message.type() === 'warn') consoleProblems.push(message.text());
    });
    page.on('pageerror', (error) => consoleProblems.push(String(error)));
    const browser = chromium;
    return {
      host,
      page,
      tokenRequests,
      consoleProblems,
      close: async () => {
        await Promise.all([browser.close(), host.close()]);
      },
    };
  } catch (error) {
    await Promise.all([chromium?.close(), host.close()]);
    throw error;
  }
}
