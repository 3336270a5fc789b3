// How to start Chromium here (root, closed network), shared by the test runner, the
// screenshot script, the benchmarks and the Node tests that drive a page themselves.
// Where it is: support/browsers.ts.
import {join} from 'node:path';
import type {Browser} from 'puppeteer-core';
import {requireChromiumPath} from './browsers.js';
import {makeScratchDir, removeScratchDir} from './scratch-dir.js';

export {chromiumPath, requireChromiumPath} from './browsers.js';

/** Flags that let Chromium run headless as root with no network but loopback. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface LaunchedChromium {
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Chromium through puppeteer-core, headless, with a throwaway profile (its caches too,
 * through XDG_*); `close()` stops it and removes the profile. For scripts and Node tests
 * that drive Chromium themselves (the test runner has its own launcher). `extraFlags` go after
 * the usual ones (e.g. a benchmark's `--host-resolver-rules`).
 */
export async function launchChromium(label = 'chromium', extraFlags: string[] = []): Promise<LaunchedChromium> {
  const {default: puppeteer} = await import('puppeteer-core');
  const profile = makeScratchDir(label);
  const browser = await puppeteer.launch({
    executablePath: requireChromiumPath(),
    headless: true,
    args: [...chromiumFlags, ...extraFlags],
    userDataDir: join(profile, 'user-data'),
    env: {...process.env, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache')},
  });
  return {
    browser,
    async close() {
      await browser.close();
      removeScratchDir(profile);
    },
  };
}
