// Debian's Chromium driven by puppeteer-core, with a throwaway profile. Each measurement gets
// a fresh page from the bench host; in-page code lives in bench/element/page/*.mjs (plain
// browser modules, so nothing the TypeScript loader adds ends up in the page).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer, {type Browser, type Page} from 'puppeteer-core';
import {chromiumFlags, requireChromiumPath} from '../../scripts/chromium.mjs';

export interface BenchBrowser {
  browser: Browser;
  version: string;
  /** A new page on `origin` with the given scripts (`element`, `resizer`) and page modules. */
  open(origin: string, options: {scripts: ('element' | 'resizer')[]; modules: string[]}): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'metabase-embed-bench-'));
  const browser = await puppeteer.launch({
    executablePath: requireChromiumPath(),
    headless: true,
    userDataDir: profile,
    args: chromiumFlags, // the memory benchmark forces collections over CDP (HeapProfiler.collectGarbage)
    env: {...process.env, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache')},
  });
  return {
    browser,
    version: await browser.version(),
    async open(origin, {scripts, modules}) {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error(`page error: ${String(error)}`));
      await page.goto(`${origin}/?with=${scripts.join(',')}`, {waitUntil: 'load'});
      for (const name of modules) await page.addScriptTag({url: `/page/${name}.mjs`, type: 'module'});
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}

/** Calls `window.bench[name](args)` in the page and returns its (JSON) result. */
export function inPage<T>(page: Page, name: string, args: unknown = {}): Promise<T> {
  return page.evaluate(`window.bench.${name}(${JSON.stringify(args)})`) as Promise<T>;
}
