// Debian's Chromium driven by puppeteer-core, with a throwaway profile. Each measurement gets
// a fresh page from the bench host; in-page code lives in bench/element/page/*.mjs (plain
// browser modules, so nothing the TypeScript loader adds ends up in the page).
import type {Browser, Page} from 'puppeteer-core';
import {launchChromium} from '../../support/chromium.js';

export interface BenchBrowser {
  browser: Browser;
  version: string;
  /** A new page on `origin` with the given scripts (`element`, `element-before`, `resizer`) and page modules. */
  open(
    origin: string,
    options: {scripts: ('element' | 'element-before' | 'resizer')[]; modules: string[]},
  ): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BenchBrowser> {
  const {browser, close} = await launchChromium('bench');
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
    close,
  };
}

/** Calls `window.bench[name](args)` in the page and returns its (JSON) result. */
export function inPage<T>(page: Page, name: string, args: unknown = {}): Promise<T> {
  return page.evaluate(`window.bench.${name}(${JSON.stringify(args)})`) as Promise<T>;
}
