// @web/test-runner plugin: starts the emulator (metabase-embed-emulator, from its sources)
// on 127.0.0.1 with a fresh test secret, twice: as open-source Metabase (its default plan)
// and as a paid plan ("pro"); browser tests find them at GET /__servers/emulator.json
// ({origin, proOrigin, secretKey}; one secret for both) and sign their own tokens with jose. Its clock is the real one
// moved by an offset that the `emulator-clock` command sets ({offsetSeconds}), so a test
// makes a token expire when it chooses, not by waiting.
//
// The embed page it serves is cross-origin to the test page (localhost), so tests cannot
// read it from the browser. The `emulator-frame` command reads it the way a user sees it,
// through the browser's automation connection (embed-frame.ts): text, computed colours,
// sizes; and it changes a filter widget the way a user does. The `emulator-console` command
// records what pages log to the console (Chromium and Firefox, through puppeteer; classic
// WebDriver has no console command, so WebKit answers `false` to `start`).
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import type {ConsoleMessage, Page} from 'puppeteer-core';
import type {RunningEmulator} from '../../emulator/src/index.js';
import {embedFrame, type FrameTarget} from './embed-frame.js';
import {onFirstUse} from './on-first-use.js';
import {runnerEngine} from './runner-engine.js';
import type {ConsoleEntry, FrameAction, FrameSnapshot} from '../../support/emulator-frame.js';

export type EmulatorFramePayload = FrameTarget & FrameAction;

/** `start` recording (resolves false where the engine cannot), `read` what was logged since. */
export type EmulatorConsolePayload = {action: 'start'} | {action: 'read'};

/** Runs inside the embedded page (sent as source text): no closures over Node values. */
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
      bar: ((el) => (el ? getComputedStyle(el).fill : null))(root.querySelector('.mb-bar')),
      line: ((el) => (el ? getComputedStyle(el).stroke : null))(root.querySelector('.mb-line')),
      card: ((el) =>
        el ? ([getComputedStyle(el).borderTopColor, getComputedStyle(el).backgroundColor] as [string, string]) : null)(
        root.querySelector('.mb-card'),
      ),
      parameter: ((el) => (el ? getComputedStyle(el).color : null))(root.querySelector('.mb-parameter')),
    },
    height: document.getElementById('embed-frame')!.scrollHeight,
    filling: document.getElementById('embed-frame')!.classList.contains('mb-filling'),
    words: {
      downloadResults: root.querySelector('.mb-download') ? text(root.querySelector('.mb-download')) : null,
      downloadPdf: root.querySelector('.mb-download-pdf') ? text(root.querySelector('.mb-download-pdf')) : null,
      filters: root.querySelector('.mb-parameters')?.getAttribute('aria-label') ?? null,
      all: root.querySelector('.mb-parameter option[value=""]')
        ? text(root.querySelector('.mb-parameter option[value=""]'))
        : null,
    },
    banner: ((link: HTMLAnchorElement | null) =>
      link
        ? {
            text: text(link),
            href: link.href,
            target: link.target,
            rel: link.rel,
            height: link.closest('footer')!.getBoundingClientRect().height,
            color: pair(link)!,
          }
        : null)(document.querySelector<HTMLAnchorElement>('#embed-frame > .mb-footer a')),
    timeOrigin: performance.timeOrigin,
    tabs: [...root.querySelectorAll('.mb-tab')].map((tab) => ({
      name: text(tab),
      selected: tab.getAttribute('aria-selected') === 'true',
    })),
    focusedTab: document.activeElement?.classList.contains('mb-tab') ? text(document.activeElement) : null,
    apply: ((button: HTMLButtonElement | null) => (button ? {shown: !button.hidden} : null))(
      root.querySelector<HTMLButtonElement>('.mb-apply'),
    ),
    search: window.location.search,
  };
}

/** Console messages of each test session's tab, recorded from `start`. */
const consoles = new Map<string, ConsoleEntry[]>();

function recordConsole(page: Page, sessionId: string): void {
  const entries: ConsoleEntry[] = [];
  consoles.set(sessionId, entries);
  page.on('console', (message: ConsoleMessage) => {
    entries.push({level: message.type(), text: message.text(), url: message.location().url ?? ''});
  });
}

export function emulatorPlugin(): TestRunnerPlugin<EmulatorFramePayload | EmulatorConsolePayload> {
  let clockOffsetMs = 0;
  const secretKey = randomBytes(32).toString('hex');
  const emulators = onFirstUse(
    async (): Promise<{oss: RunningEmulator; pro: RunningEmulator}> => {
      const {startEmulator} = await import('../../emulator/src/index.js');
      const now = () => Date.now() + clockOffsetMs;
      const [oss, pro] = await Promise.all([
        startEmulator({secretKey, now}),
        startEmulator({secretKey, now, plan: 'pro'}),
      ]);
      return {oss, pro};
    },
    ({oss, pro}) => Promise.all([oss.close(), pro.close()]),
  );
  return {
    name: 'emulator',
    serverStop: () => emulators.stop(),
    async serve(context) {
      if (context.path !== '/__servers/emulator.json') return undefined;
      const {oss, pro} = await emulators.get();
      // The test secret is throwaway; tests sign with it in the browser, as a host backend would.
      return {
        body: JSON.stringify({origin: oss.url, proOrigin: pro.url, secretKey}),
        type: 'json',
        headers: {'Cache-Control': 'no-store'},
      };
    },
    async executeCommand({command, payload, session}) {
      if (command === 'emulator-clock') {
        clockOffsetMs = (payload as unknown as {offsetSeconds: number}).offsetSeconds * 1000;
        return true;
      }
      if (command === 'emulator-console' && payload && 'action' in payload) {
        if (payload.action === 'read') return consoles.get(session.id) ?? [];
        if (runnerEngine() === 'webkit') return false;
        const page = (session.browser as unknown as {getPage(id: string): Page}).getPage(session.id);
        const recorded = consoles.get(session.id);
        if (recorded)
          recorded.length = 0; // a new start forgets what came before
        else recordConsole(page, session.id);
        return true;
      }
      if (command !== 'emulator-frame' || !payload || !('iframe' in payload || 'embedToken' in payload))
        return undefined;
      const frame = await embedFrame(session, payload);
      if (payload.action === 'select') {
        const select = `select[name=${JSON.stringify(payload.slug)}]`;
        // The options come from the values endpoint: wait for them, as a user would.
        for (const value of payload.values.filter(Boolean)) {
          const option = JSON.stringify(`${select} option[value=${JSON.stringify(value)}]`);
          await frame.waitForFunction(`() => document.querySelector(${option}) !== null`, 10_000);
        }
        await frame.select(select, payload.values);
        return true; // undefined would read as "no plugin handles this command"
      }
      if (payload.action === 'click') {
        if ('apply' in payload) {
          await frame.waitForFunction("() => document.querySelector('.mb-apply:not([hidden])') !== null", 10_000);
          await frame.click('.mb-apply');
          return true;
        }
        const position = `() => [...document.querySelectorAll('.mb-tabs > .mb-tab')].findIndex((tab) => tab.textContent.trim() === ${JSON.stringify(payload.tab)}) + 1`;
        await frame.waitForFunction(`() => (${position})() > 0`, 10_000);
        await frame.click(`.mb-tabs > .mb-tab:nth-child(${Number(await frame.evaluate(position))})`);
        return true;
      }
      if (payload.action === 'press') {
        await frame.press(payload.selector, payload.keys);
        return true;
      }
      if (payload.action === 'type') {
        // Keys into the focused control, as a visitor types (nothing is committed until a change event).
        await frame.type(`[name=${JSON.stringify(payload.name)}]`, payload.keys);
        return true;
      }
      // Waited for in the frame: the test page's timers may be fake.
      if (payload.settled)
        await frame.waitForFunction(
          "() => ['ready', 'error'].includes(document.documentElement.dataset.state)",
          10_000,
        );
      // tsx compiles this file with esbuild's keepNames, which wraps named functions in
      // __name(); the embedded page has no such helper, so give it a no-op one.
      return frame.evaluate(`() => {
        globalThis.__name = globalThis.__name || ((fn) => fn);
        return (${readPage.toString()})();
      }`);
    },
  };
}
