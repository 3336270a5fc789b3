// Firefox for the browser tests: Debian's firefox-esr (or FIREFOX_PATH), driven by
// puppeteer-core over WebDriver BiDi through @web/test-runner-chrome's launcher (which takes
// a puppeteer instance and a `browser` launch option). Debian ships no geckodriver; none is needed.
import {existsSync} from 'node:fs';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';

/** FIREFOX_PATH, else Debian's /usr/bin/firefox-esr. */
export function firefoxPath() {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

export function firefoxLauncher() {
  const executablePath = firefoxPath();
  if (!existsSync(executablePath))
    throw new Error(`No Firefox at ${executablePath}: install it (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {browser: 'firefox', executablePath, headless: true},
  });
}
