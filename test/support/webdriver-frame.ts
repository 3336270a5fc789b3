// The embed frame under classic WebDriver (WebKit: WebKitWebDriver and MiniBrowser, driven by
// @web/test-runner-webdriver's webdriverio session). WebDriver runs scripts and keys in its
// current frame, so each call enters the embed's iframe and returns to the test page before it
// resolves: the runner's own scripts (it collects results in the top frame) never land inside.
import type {BasicTestSession as TestSession} from '@web/test-runner-core';
import {clickUntilLanded} from './click-probe.js';
import type {PressedKey} from '../../support/emulator-frame.js';
import type {EmbedFrame, FrameTarget} from './embed-frame.js';

/** WebDriver's code points for the keys tests press by name. */
const WEBDRIVER_KEYS: Record<PressedKey, string> = {
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  Home: '\uE011',
  End: '\uE010',
};

/** The few webdriverio protocol commands used here (the launcher keeps its session as `driver`). */
interface WebDriverSession {
  executeScript(script: string, args: unknown[]): Promise<unknown>;
  switchToFrame(id: object | null): Promise<void>;
  performActions(actions: object[]): Promise<void>;
  releaseActions(): Promise<void>;
  findElement(using: string, value: string): Promise<Record<string, string>>;
  elementClick(elementId: string): Promise<void>;
}

// Runs in the test page: the iframe by id, or the one whose URL ends in the token, searching open
// shadow roots too (the element keeps its iframes there).
const FIND_IFRAME = `
  const target = arguments[0];
  if (target.iframe) return document.getElementById(target.iframe);
  const found = [];
  const visit = (root) => {
    for (const node of root.querySelectorAll('*')) {
      if (node instanceof HTMLIFrameElement) found.push(node);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(document);
  return found.find((iframe) => new URL(iframe.src, location.href).pathname.split('/').at(-1) === target.embedToken) ?? null;
`;

// Puppeteer's Frame.select, in the page: the options chosen, then input and change events.
const SELECT = `
  const [selector, values] = arguments;
  const select = document.querySelector(selector);
  if (!(select instanceof HTMLSelectElement)) throw new Error('no <select> matches ' + selector);
  for (const option of select.options) option.selected = values.includes(option.value) && (select.multiple || option.value === values[0]);
  select.dispatchEvent(new Event('input', {bubbles: true}));
  select.dispatchEvent(new Event('change', {bubbles: true}));
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function webdriverFrame(session: TestSession, target: FrameTarget): Promise<EmbedFrame> {
  const driver = (session.browser as unknown as {driver?: WebDriverSession}).driver;
  if (!driver) throw new Error('emulator-frame: the WebDriver launcher has no session');

  const deadline = Date.now() + 5_000;
  let iframe: unknown;
  while (!(iframe = await driver.executeScript(FIND_IFRAME, [target]))) {
    if (Date.now() > deadline)
      throw new Error(
        'iframe' in target
          ? `emulator-frame: no iframe#${target.iframe} on the test page`
          : 'emulator-frame: no frame shows that token',
      );
    await sleep(100);
  }

  /** Runs `work` with WebDriver's current frame set to the embed's, then returns to the test page. */
  async function inFrame<T>(work: () => Promise<T>): Promise<T> {
    await driver!.switchToFrame(iframe as object);
    try {
      return await work();
    } finally {
      await driver!.switchToFrame(null);
    }
  }
  const evaluate = (fn: string) => inFrame(() => driver.executeScript(`return (${fn})();`, []));
  const waitForFunction = async (fn: string, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    while (!(await evaluate(fn))) {
      if (Date.now() > until) throw new Error(`emulator-frame: still false after ${timeoutMs} ms: ${fn}`);
      await sleep(100);
    }
  };
  const clickOnce = (selector: string) =>
    inFrame(async () => {
      const element = await driver.findElement('css selector', selector);
      const id = Object.values(element)[0]; // the W3C element reference's one key
      if (!id) throw new Error(`emulator-frame: nothing matches ${selector}`);
      await driver.elementClick(id);
    });

  return {
    evaluate,
    waitForFunction,
    async select(selector, values) {
      await inFrame(() => driver.executeScript(SELECT, [selector, values]));
    },
    async type(selector, keys) {
      await inFrame(async () => {
        // Focused by script, then typed as key actions: WebKit refuses Element Send Keys on a
        // date input (its focusable parts are inside it).
        await driver.executeScript('window.focus(); document.querySelector(arguments[0]).focus();', [selector]);
        const strokes = [...keys].flatMap((key) => [
          {type: 'keyDown', value: key},
          {type: 'keyUp', value: key},
        ]);
        await driver.performActions([{type: 'key', id: 'keyboard', actions: strokes}]);
        await driver.releaseActions();
      });
    },
    async press(selector, keys) {
      await inFrame(async () => {
        await driver.executeScript('window.focus(); document.querySelector(arguments[0]).focus();', [selector]);
        const strokes = keys.flatMap((key) => [
          {type: 'keyDown', value: WEBDRIVER_KEYS[key]},
          {type: 'keyUp', value: WEBDRIVER_KEYS[key]},
        ]);
        await driver.performActions([{type: 'key', id: 'keyboard', actions: strokes}]);
        await driver.releaseActions();
      });
    },
    // One browser window: nothing to bring to the front.
    click: (selector) =>
      clickUntilLanded({bringToFront: async () => {}, evaluate, waitForFunction, click: clickOnce}, selector),
  };
}
