// Node side of the browser tests: the tabs a page opens (window.open, target=_blank), seen
// through the browser's automation connection. Puppeteer (Chromium over CDP, Firefox over
// WebDriver BiDi) reports new page targets; classic WebDriver (WebKit) lists window handles.
// Each tab is read, then closed, and the test page is put back in front.
import type {BasicTestSession as TestSession} from '@web/test-runner-core';
import {TargetType, type Page, type Target} from 'puppeteer-core';
import {runnerEngine} from './runner-engine.js';

export interface TabWatch {
  /** Waits (up to `timeoutMs`) for `count` new tabs to have a URL; returns the URLs of all new tabs, then closes them. */
  collect(count: number, timeoutMs: number): Promise<string[]>;
}

interface WindowsSession {
  getWindowHandle(): Promise<string>;
  getWindowHandles(): Promise<string[]>;
  switchToWindow(handle: string): Promise<void>;
  getUrl(): Promise<string>;
  closeWindow(): Promise<unknown>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hasUrl = (url: string) => url !== '' && url !== 'about:blank';

function puppeteerTabs(page: Page): TabWatch {
  const browser = page.browser();
  const created: Target[] = [];
  const onCreated = (target: Target) => {
    if (target.type() === TargetType.PAGE) created.push(target);
  };
  browser.on('targetcreated', onCreated);
  return {
    async collect(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (created.filter((target) => hasUrl(target.url())).length < count && Date.now() < deadline) await sleep(50);
      browser.off('targetcreated', onCreated);
      const urls = created.map((target) => target.url());
      for (const target of created) await (await target.page())?.close();
      await page.bringToFront(); // Chromium lays out the test page's iframes only while it is in front
      return urls;
    },
  };
}

async function webdriverTabs(driver: WindowsSession): Promise<TabWatch> {
  const home = await driver.getWindowHandle();
  const before = new Set(await driver.getWindowHandles());
  return {
    async collect(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const newHandles = async () => (await driver.getWindowHandles()).filter((handle) => !before.has(handle));
      let opened = await newHandles();
      while (opened.length < count && Date.now() < deadline) {
        await sleep(50);
        opened = await newHandles();
      }
      const urls: string[] = [];
      try {
        for (const handle of opened) {
          await driver.switchToWindow(handle);
          let url = await driver.getUrl();
          while (!hasUrl(url) && Date.now() < deadline) {
            await sleep(50);
            url = await driver.getUrl();
          }
          urls.push(url);
          await driver.closeWindow();
        }
      } finally {
        await driver.switchToWindow(home);
      }
      return urls;
    },
  };
}

/** Starts watching for tabs this session's page opens from now on. */
export function watchNewTabs(session: TestSession): Promise<TabWatch> {
  if (runnerEngine() === 'webkit') {
    const driver = (session.browser as unknown as {driver?: WindowsSession}).driver;
    if (!driver) throw new Error('new-tabs: the WebDriver launcher has no session');
    return webdriverTabs(driver);
  }
  return Promise.resolve(
    puppeteerTabs((session.browser as unknown as {getPage(id: string): Page}).getPage(session.id)),
  );
}
