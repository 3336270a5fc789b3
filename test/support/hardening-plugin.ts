// @web/test-runner plugin for the reliability and security suite (test/hardening/): browser
// commands that reach what a page cannot.
//
//   hardening-emulator {action: 'start', hostile?}  a fresh emulator of this test's own, on
//                      127.0.0.1 with a fresh secret → {origin, secretKey}; hostile: its
//                      dashboard, card and filter names carry HTML (HOSTILE_TEXT, hostile-text.ts)
//   hardening-emulator {action: 'restart'}          stops it and starts it again on the same
//                      port with the same secret (a restart mid-session) → {origin, secretKey}
//   hardening-emulator {action: 'rotate'}           the same, with a new secret → {origin, secretKey}
//   hardening-emulator {action: 'get', path}        GET <origin><path> from Node → {status, text}
//   hardening-emulator {action: 'stop'}
//   hardening-network {offline, urlPattern}         requests matching urlPattern fail as
//                      Chromium fails them offline (net::ERR_INTERNET_DISCONNECTED), or work
//                      again. Chromium's own offline mode would also cut the test runner's
//                      connection to the page, so navigator.onLine and the offline/online
//                      events are the test page's to fake (see setOffline in
//                      test/hardening/browser-support.ts).
//   hardening-frame {embedToken}                    the emulator page showing that token, read
//                      through DevTools → FrameReport (text, titles, injected elements)
//   hardening-dialogs                               how many alert/confirm/prompt dialogs the
//                      page or any frame opened since the session began (each one dismissed)
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import type {CDPSession, Page} from 'puppeteer-core';
import {frameShowingToken} from './embed-frame.js';
import {HOSTILE_TEXT} from './hostile-text.js';
import {sampleContent, startEmulator, type EmulatorContent, type RunningEmulator} from '../../emulator/src/index.js';

export type HardeningEmulatorPayload =
  {action: 'start'; hostile?: boolean} | {action: 'restart' | 'rotate' | 'stop'} | {action: 'get'; path: string};

export interface FrameReport {
  state: string | null;
  title: string;
  text: string;
  cardTitles: string[];
  parameterNames: string[];
  /** Elements that no emulator page makes: images, scripts not from /app/embed/, frames, handler attributes. */
  injected: string[];
}

function hostileContent(): EmulatorContent {
  const content = sampleContent();
  for (const dashboard of content.dashboards) {
    dashboard.name = `${dashboard.name} ${HOSTILE_TEXT}`;
    for (const parameter of dashboard.parameters ?? []) parameter.name = `${parameter.name} ${HOSTILE_TEXT}`;
  }
  for (const question of content.questions) question.name = `${question.name} ${HOSTILE_TEXT}`;
  return content;
}

/** Runs inside the embed page (serialized): no closures over Node values. */
function readFrame(): FrameReport {
  const all = [...document.querySelectorAll('*')];
  const injected = all
    .filter(
      (element) =>
        ['IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName) ||
        (element.tagName === 'SCRIPT' &&
          !(element as HTMLScriptElement).src.startsWith(`${location.origin}/app/embed/`)) ||
        [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
    )
    .map((element) => element.outerHTML.slice(0, 120));
  const texts = (selector: string) => [...document.querySelectorAll(selector)].map((el) => el.textContent ?? '');
  return {
    state: document.documentElement.dataset.state ?? null,
    title: document.title,
    text: document.body.textContent ?? '',
    cardTitles: texts('.mb-card-title'),
    parameterNames: texts('.mb-parameter-name'),
    injected,
  };
}

function pageOf(session: {browser: unknown; id: string}): Page {
  const browser = session.browser as {type?: string; getPage?(id: string): Page};
  if (!browser.getPage) throw new Error('hardening commands need the Chromium (puppeteer) launcher');
  return browser.getPage(session.id);
}

export function hardeningPlugin(): TestRunnerPlugin {
  const emulators = new Map<string, {running: RunningEmulator; secretKey: string; port: number; hostile: boolean}>();
  const dialogs = new Map<string, number>();
  const offline = new Map<string, CDPSession>();

  async function setOffline(
    page: Page,
    session: string,
    {offline: off, urlPattern}: {offline: boolean; urlPattern: string},
  ) {
    await offline.get(session)?.detach();
    offline.delete(session);
    if (!off) return true;
    const cdp = await page.createCDPSession();
    offline.set(session, cdp);
    cdp.on('Fetch.requestPaused', ({requestId}: {requestId: string}) => {
      void cdp.send('Fetch.failRequest', {requestId, errorReason: 'InternetDisconnected'}).catch(() => undefined);
    });
    await cdp.send('Fetch.enable', {patterns: [{urlPattern}]});
    return true;
  }

  async function start(session: string, port: number, secretKey: string, hostile: boolean) {
    const running = await startEmulator({port, secretKey, ...(hostile && {content: hostileContent()})});
    emulators.set(session, {running, secretKey, port: Number(new URL(running.url).port), hostile});
    return {origin: running.url, secretKey};
  }

  async function emulatorCommand(session: string, payload: HardeningEmulatorPayload) {
    const current = emulators.get(session);
    if (payload.action === 'start') {
      await current?.running.close();
      return start(session, 0, randomBytes(32).toString('hex'), payload.hostile === true);
    }
    if (!current) throw new Error('hardening-emulator: start one first');
    if (payload.action === 'get') {
      const response = await fetch(`${current.running.url}${payload.path}`);
      return {status: response.status, text: await response.text()};
    }
    await current.running.close();
    emulators.delete(session);
    if (payload.action === 'stop') return true;
    const secretKey = payload.action === 'rotate' ? randomBytes(32).toString('hex') : current.secretKey;
    return start(session, current.port, secretKey, current.hostile);
  }

  function watchDialogs(page: Page, session: string) {
    if (dialogs.has(session)) return;
    dialogs.set(session, 0);
    page.on('dialog', (dialog) => {
      dialogs.set(session, (dialogs.get(session) ?? 0) + 1);
      void dialog.dismiss();
    });
  }

  return {
    name: 'hardening',
    async serverStop() {
      await Promise.all([...emulators.values()].map(({running}) => running.close()));
      emulators.clear();
    },
    async executeCommand({command, payload, session}) {
      if (!command.startsWith('hardening-')) return undefined;
      const page = pageOf(session);
      watchDialogs(page, session.id);
      if (command === 'hardening-emulator') return emulatorCommand(session.id, payload as HardeningEmulatorPayload);
      if (command === 'hardening-network') {
        return setOffline(page, session.id, payload as {offline: boolean; urlPattern: string});
      }
      if (command === 'hardening-dialogs') return dialogs.get(session.id) ?? 0;
      if (command === 'hardening-frame') {
        const {embedToken} = payload as {embedToken: string};
        const frame = await frameShowingToken(page, embedToken, 'hardening-frame');
        await frame.waitForFunction("['ready', 'error'].includes(document.documentElement.dataset.state)", {
          timeout: 10_000,
        });
        return frame.evaluate(`globalThis.__name = globalThis.__name || ((fn) => fn); (${readFrame.toString()})()`);
      }
      return undefined;
    },
  };
}
