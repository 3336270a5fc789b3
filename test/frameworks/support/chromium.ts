// Debian's Chromium (or CHROME_PATH) through puppeteer-core, for the framework tests that
// drive a built app on its own server. Its profile and caches live in a temporary folder.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer, {type Browser} from 'puppeteer-core';
import {chromiumFlags, requireChromiumPath} from '../../../scripts/chromium.mjs';

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'metabase-embed-frameworks-'));
  const browser = await puppeteer.launch({
    executablePath: requireChromiumPath(),
    headless: true,
    args: chromiumFlags,
    userDataDir: join(profile, 'user-data'),
    env: {...process.env, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache')},
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}
