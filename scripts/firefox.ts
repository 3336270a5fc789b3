// Firefox for the browser tests (where it is: support/browsers.ts), driven by puppeteer-core
// over WebDriver BiDi through @web/test-runner-chrome's launcher (which takes a puppeteer
// instance and a `browser` launch option). No geckodriver is needed.
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {requireFirefoxPath} from '../support/browsers.js';

export function firefoxLauncher() {
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {browser: 'firefox', executablePath: requireFirefoxPath(), headless: true},
  });
}
