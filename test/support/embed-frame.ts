// Node side of the browser tests: reaching into a cross-origin embed page the way a user
// sees it, whatever drives the browser. Chromium and Firefox run under puppeteer (CDP and
// WebDriver BiDi); WebKit under classic WebDriver (webdriverio), where a command works in one
// frame at a time: the frame is entered for each call and left again before it returns.
import type {BasicTestSession as TestSession} from '@web/test-runner-core';
import type {Frame, KeyInput, Page} from 'puppeteer-core';
import type {PressedKey} from '../../support/emulator-frame.js';
import {clickUntilLanded} from './click-probe.js';
import {runnerEngine} from './runner-engine.js';
import {webdriverFrame} from './webdriver-frame.js';

/** Which embed page: an iframe on the test page by id, or the frame showing this token anywhere (e.g. in an element's shadow root). */
export type FrameTarget = {iframe: string} | {embedToken: string};

/** An embed page's frame: scripts run in it, and input reaches it as a user's would. */
export interface EmbedFrame {
  /** Calls the function (its source text, self-contained) in the frame; a JSON-serialisable result. */
  evaluate(fn: string): Promise<unknown>;
  /** Resolves once the function (source text) returns something truthy in the frame. */
  waitForFunction(fn: string, timeoutMs: number): Promise<void>;
  /** Chooses these option values in the `<select>` (as puppeteer's Frame.select: input and change events). */
  select(selector: string, values: string[]): Promise<void>;
  /** Focuses the control and types the keys, one key event each, with nothing committed. */
  type(selector: string, keys: string): Promise<void>;
  /** Focuses the element and presses the keys one after another; each goes where the focus then is. */
  press(selector: string, keys: PressedKey[]): Promise<void>;
  /** Clicks the middle of the element as a user does (a trusted click, so it may open a tab). */
  click(selector: string): Promise<void>;
}

/** The last path segment of an embed URL: its token. */
export const tokenInEmbedUrl = (url: string): string | undefined => {
  try {
    return new URL(url).pathname.split('/').at(-1);
  } catch {
    return undefined; // a frame without a URL yet
  }
};

/**
 * The frame showing this embed token, waited for: a frame's URL may reach puppeteer just after
 * the iframe's load event reached the page (under WebDriver BiDi in Firefox, and in Chromium
 * under load). `command` names the browser command in the error.
 */
export function frameShowingToken(page: Page, embedToken: string, command: string): Promise<Frame> {
  return page
    .waitForFrame((candidate) => !candidate.detached && tokenInEmbedUrl(candidate.url()) === embedToken, {
      timeout: 5_000,
    })
    .catch(() => {
      throw new Error(`${command}: no frame shows that token`);
    });
}

async function puppeteerFrame(page: Page, target: FrameTarget): Promise<Frame> {
  if ('embedToken' in target) return frameShowingToken(page, target.embedToken, 'emulator-frame');
  const handle = await page.$<`iframe#${string}`>(`iframe#${target.iframe}`);
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`emulator-frame: no loaded iframe#${target.iframe} on the test page`);
  return frame;
}

function fromPuppeteer(page: Page, frame: Frame): EmbedFrame {
  const evaluate = (fn: string) => frame.evaluate(`(${fn})()`);
  // Checked on the frame's own timers: the test page's may be fake.
  const waitForFunction = async (fn: string, timeout: number) => {
    await frame.waitForFunction(`(${fn})()`, {timeout, polling: 50});
  };
  return {
    evaluate,
    waitForFunction,
    select: async (selector, values) => {
      await frame.select(selector, ...values);
    },
    type: async (selector, keys) => {
      await frame.focus(selector);
      await page.keyboard.type(keys);
    },
    press: async (selector, keys) => {
      await frame.focus(selector);
      for (const key of keys) await page.keyboard.press(key satisfies KeyInput);
    },
    click: (selector) =>
      clickUntilLanded(
        {bringToFront: () => page.bringToFront(), evaluate, waitForFunction, click: (target) => frame.click(target)},
        selector,
      ),
  };
}

/** The embed frame of this test session's page, through the launcher that runs it. */
export async function embedFrame(session: TestSession, target: FrameTarget): Promise<EmbedFrame> {
  if (runnerEngine() === 'webkit') return webdriverFrame(session, target);
  const page = (session.browser as unknown as {getPage(id: string): Page}).getPage(session.id);
  return fromPuppeteer(page, await puppeteerFrame(page, target));
}
