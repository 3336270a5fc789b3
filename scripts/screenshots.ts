// Screenshots of the demo dashboard in each theme, for a person to look at:
//
//   npm run screenshots -- [--out screenshots] [--width 1400]
//
// Starts the demo the way `npm start` does (emulator + host app on loopback, or the real
// Metabase the environment names), drives Chromium with puppeteer-core, switches the theme
// with the page's own control, and writes <out>/dashboard-{light,night,transparent}.png,
// then one screenshot of each other demo page (<out>/question.png, lazy.png, script-tag.png).
// Chromium: wherever support/browsers.ts finds it (CHROME_PATH, else Debian's /usr/bin/chromium, …).
import {mkdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import type {Page} from 'puppeteer-core';
import type {MetabaseEmbedElement} from '../src/metabase-embed.js';
import {startDemo} from '../demo/demo.js';
import {launchChromium} from '../support/chromium.js';

declare global {
  interface Window {
    /** metabase-embed-load events since the page began (counted by the script below). */
    __embedLoads: number;
  }
}

const THEMES = ['light', 'night', 'transparent'];
const OTHER_PAGES = ['question', 'lazy', 'script-tag'];

const {values: args} = parseArgs({
  options: {out: {type: 'string', default: 'screenshots'}, width: {type: 'string', default: '1400'}},
});
const outDir = resolve(args.out);
const width = Number(args.width);

/** Resolves once a new embed URL has loaded, every started embed is ready and the network is quiet. */
async function waitForSettledEmbeds(page: Page, loadsBefore: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const embeds = [...document.querySelectorAll<MetabaseEmbedElement>('metabase-embed')];
      const started = embeds.filter((embed) => embed.state !== 'idle');
      return window.__embedLoads > count && started.length > 0 && started.every((embed) => embed.state === 'ready');
    },
    {timeout: 20_000},
    loadsBefore,
  );
  await page.waitForNetworkIdle({idleTime: 500, timeout: 20_000});
  // Charts and iframe-resizer's last height message land just after the network settles.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300))));
}

async function screenshot(page: Page, name: string, {fullPage = true} = {}): Promise<void> {
  const file = join(outDir, name);
  await page.screenshot({path: file, fullPage});
  console.log(`wrote ${file}`);
}

const demo = await startDemo({port: 0});
const {browser, close: closeBrowser} = await launchChromium('screenshots');

try {
  mkdirSync(outDir, {recursive: true});
  const page = await browser.newPage();
  await page.setViewport({width, height: 900});
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn')
      console.log(`page ${message.type()}: ${message.text()}`);
  });
  // Count the element's loads from the first one on (the listener is in place before any page script runs).
  await page.evaluateOnNewDocument(() => {
    window.__embedLoads = 0;
    document.addEventListener('metabase-embed-load', () => window.__embedLoads++);
  });
  await page.goto(demo.url, {waitUntil: 'load'});
  await waitForSettledEmbeds(page, 0);

  for (const theme of THEMES) {
    const loads = await page.evaluate(() => window.__embedLoads);
    const current = await page.$eval('metabase-embed#dashboard', (embed) => embed.getAttribute('theme'));
    if (current !== theme) {
      await page.click(`input[name="theme"][value="${theme}"]`);
      await waitForSettledEmbeds(page, loads);
    }
    await screenshot(page, `dashboard-${theme}.png`);
  }
  for (const name of OTHER_PAGES) {
    await page.goto(new URL(name, demo.url).href, {waitUntil: 'load'});
    await waitForSettledEmbeds(page, 0);
    // A full-page capture would grow the viewport and wake every lazy embed at once.
    await screenshot(page, `${name}.png`, {fullPage: name !== 'lazy'});
  }
} finally {
  await closeBrowser();
  await demo.close();
}
