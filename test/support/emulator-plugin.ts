// @web/test-runner plugin: starts the emulator (metabase-embed/emulator, from the sources)
// on 127.0.0.1 with a fresh test secret; browser tests find it at GET /__servers/emulator.json
// ({origin, secretKey}) and sign their own tokens with jose. Its clock is the real one
// moved by an offset that the `emulator-clock` command sets ({offsetSeconds}), so a test
// makes a token expire when it chooses, not by waiting.
//
// The embed page it serves is cross-origin to the test page (localhost), so tests cannot
// read it from the browser. The `emulator-frame` command reads it the way a user sees it,
// through the browser's DevTools connection: text, computed colours, sizes; and it changes
// a filter widget the way a user does.
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import type {ElementHandle, Frame, Page} from 'puppeteer-core';
import {startEmulator, type RunningEmulator} from '../../src/emulator/index.js';

export interface FrameSnapshot {
  state: string | null;
  lang: string;
  title: string | null;
  pageError: string | null;
  cardErrors: string[];
  parameters: {slug: string; label: string; value: string}[];
  /** The focused control (`name`), and whether it holds a half-typed value (a date with empty parts). */
  focus: {name: string; halfTyped: boolean} | null;
  cards: {title: string | null; display: string; text: string; rows: number; axisLabels: string[]}[];
  downloads: {results: number; pdf: boolean};
  /** The `href` of each "Download results" link. */
  downloadLinks: string[];
  bordered: boolean;
  fontFamily: string;
  /** Computed colours: [foreground, background of the nearest opaque ancestor or "transparent"]. */
  colors: {
    body: [string, string];
    title: [string, string] | null;
    axisLabel: [string, string] | null;
    tableCell: [string, string] | null;
    scalar: [string, string] | null;
  };
  height: number;
}

/** Which embed page: an iframe on the test page by id, or the frame showing this token anywhere (e.g. in an element's shadow root). */
export type FrameTarget = {iframe: string} | {embedToken: string};

export type FrameAction =
  /** `settled`: first wait until the page has shown its data or its error. */
  | {action: 'snapshot'; settled?: boolean}
  | {action: 'select'; slug: string; values: string[]}
  | {action: 'type'; name: string; keys: string};

export type EmulatorFramePayload = FrameTarget & FrameAction;

/** Runs inside the embedded page (serialized by puppeteer): no closures over Node values. */
function readPage(): FrameSnapshot {
  const root = document.getElementById('embed-root')!;
  const text = (el: Element | null) => (el?.textContent ?? '').trim();
  const opaqueBackground = (el: Element | null): string => {
    for (let node = el; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
    }
    return 'transparent';
  };
  const pair = (el: Element | null, property: 'color' | 'fill' = 'color'): [string, string] | null =>
    el ? [getComputedStyle(el)[property], opaqueBackground(el)] : null;
  const focused = document.activeElement as HTMLInputElement | null;
  return {
    state: document.documentElement.dataset.state ?? null,
    focus: focused?.name ? {name: focused.name, halfTyped: focused.validity?.badInput ?? false} : null,
    lang: document.documentElement.lang,
    title: root.querySelector('.mb-title') ? text(root.querySelector('.mb-title')) : null,
    pageError: root.querySelector(':scope > .mb-error') ? text(root.querySelector(':scope > .mb-error')) : null,
    cardErrors: [...root.querySelectorAll('.mb-card .mb-error')].map(text),
    parameters: [...root.querySelectorAll<HTMLElement>('.mb-parameter')].map((label) => ({
      slug: label.dataset.slug ?? '',
      label: text(label.querySelector('.mb-parameter-name')),
      value: [...label.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')]
        .map((control) => control.value)
        .join('~'),
    })),
    cards: [...root.querySelectorAll('.mb-card')].map((card) => ({
      title: card.querySelector('.mb-card-title') ? text(card.querySelector('.mb-card-title')) : null,
      display: [...card.classList].find((name) => name.startsWith('mb-card-'))?.slice('mb-card-'.length) ?? '',
      text: text(card.querySelector('.mb-card-body')).slice(0, 400),
      rows: card.querySelectorAll('tbody tr').length,
      axisLabels: [...card.querySelectorAll('.mb-axis-label')].map(text),
    })),
    downloads: {
      results: root.querySelectorAll('.mb-download').length,
      pdf: root.querySelector('.mb-download-pdf') !== null,
    },
    downloadLinks: [...root.querySelectorAll('.mb-download')].map((link) => link.getAttribute('href') ?? ''),
    bordered: parseFloat(getComputedStyle(root).borderTopWidth) > 0,
    fontFamily: getComputedStyle(document.body).fontFamily,
    colors: {
      body: pair(document.body)!,
      title: pair(root.querySelector('.mb-title')),
      axisLabel: pair(root.querySelector('.mb-axis-label'), 'fill'),
      tableCell: pair(root.querySelector('.mb-table td')),
      scalar: pair(root.querySelector('.mb-scalar')),
    },
    height: document.body.scrollHeight,
  };
}

async function embeddedFrame(page: Page, target: FrameTarget): Promise<Frame> {
  if ('embedToken' in target) {
    // A frame just created has no URL yet (""), which URL cannot parse: skip it.
    const frame = page
      .frames()
      .find((candidate) => URL.parse(candidate.url())?.pathname.split('/').at(-1) === target.embedToken);
    if (!frame) throw new Error('emulator-frame: no frame shows that token');
    return frame;
  }
  const handle = (await page.$(`iframe#${target.iframe}`)) as ElementHandle<HTMLIFrameElement> | null;
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`emulator-frame: no loaded iframe#${target.iframe} on the test page`);
  return frame;
}

export function emulatorPlugin(): TestRunnerPlugin<EmulatorFramePayload> {
  let emulator: RunningEmulator | undefined;
  let clockOffsetMs = 0;
  const secretKey = randomBytes(32).toString('hex');
  return {
    name: 'emulator',
    async serverStart() {
      emulator = await startEmulator({secretKey, now: () => Date.now() + clockOffsetMs});
    },
    async serverStop() {
      await emulator?.close();
      emulator = undefined;
    },
    serve(context) {
      if (context.path !== '/__servers/emulator.json' || !emulator) return undefined;
      // The test secret is throwaway; tests sign with it in the browser, as a host backend would.
      return {
        body: JSON.stringify({origin: emulator.url, secretKey}),
        type: 'json',
        headers: {'Cache-Control': 'no-store'},
      };
    },
    async executeCommand({command, payload, session}) {
      if (command === 'emulator-clock') {
        clockOffsetMs = (payload as unknown as {offsetSeconds: number}).offsetSeconds * 1000;
        return true;
      }
      if (command !== 'emulator-frame' || !payload) return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error('emulator-frame needs the Chromium (puppeteer) launcher');
      const page = (session.browser as unknown as {getPage(id: string): Page}).getPage(session.id);
      const frame = await embeddedFrame(page, payload);
      if (payload.action === 'select') {
        const select = `select[name=${JSON.stringify(payload.slug)}]`;
        // The options come from the values endpoint: wait for them, as a user would.
        for (const value of payload.values.filter(Boolean))
          await frame.waitForSelector(`${select} option[value=${JSON.stringify(value)}]`, {timeout: 10_000});
        return frame.select(select, ...payload.values);
      }
      if (payload.action === 'type') {
        // Keys into the focused control, as a visitor types (nothing is committed until a change event).
        await frame.focus(`[name=${JSON.stringify(payload.name)}]`);
        await page.keyboard.type(payload.keys);
        return true; // undefined would read as "no plugin handles this command"
      }
      // Waited for here, on the frame's own timers: the test page's may be fake.
      if (payload.settled)
        await frame.waitForFunction("['ready', 'error'].includes(document.documentElement.dataset.state)", {
          timeout: 10_000,
        });
      // tsx compiles this file with esbuild's keepNames, which wraps named functions in
      // __name(); the embedded page has no such helper, so give it a no-op one.
      return frame.evaluate(`globalThis.__name = globalThis.__name || ((fn) => fn); (${readPage.toString()})()`);
    },
  };
}
