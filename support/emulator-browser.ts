// For browser tests that drive the emulator (its own and the element's): the emulator's
// origin and test secret, tokens signed in the browser with jose, and embed pages in truly
// cross-origin iframes (the test page is on localhost, the emulator on 127.0.0.1).
import {oneEvent, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {SignJWT, type JWTPayload} from 'jose';
import {testServer} from './servers.js';
import type {ConsoleEntry, FrameAction, FrameSnapshot, PressedKey} from './emulator-frame.js';

export interface MetabaseMessage {
  type: string;
  location?: {href: string; origin: string; pathname: string; search: string; hash: string};
  frame?: {mode: string; height: number};
}

const server = testServer<{origin: string; proOrigin: string; secretKey: string}>('emulator');

/** Which emulator: open-source Metabase (the default plan) or a paid plan. */
export type Plan = 'oss' | 'pro';
export const emulatorOrigin = async (plan: Plan = 'oss') => {
  const {origin, proOrigin} = await server;
  return plan === 'pro' ? proOrigin : origin;
};
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Signs like a host backend would: HS256 with the 64-hex secret's UTF-8 bytes. */
export async function sign(claims: JWTPayload): Promise<string> {
  const {secretKey} = await server;
  return new SignJWT(claims).setProtectedHeader({alg: 'HS256', typ: 'JWT'}).sign(new TextEncoder().encode(secretKey));
}

/** Moves the emulator's clock (not the browser's) `offsetSeconds` from real time; 0 puts it back. */
export async function setEmulatorClock(offsetSeconds: number): Promise<void> {
  await executeServerCommand('emulator-clock', {offsetSeconds});
}

export const salesToken = (params: Record<string, unknown> = {tenant: 'Acme'}, exp = nowSeconds() + 600) =>
  sign({resource: {dashboard: 1}, params, exp});

let frames = 0;

type FrameTarget = {iframe: string} | {embedToken: string};

const frameCommand = (target: FrameTarget, payload: FrameAction): Promise<unknown> =>
  executeServerCommand('emulator-frame', {...payload, ...target});

/** What a user sees in the embed page right now: an iframe of the test page by id, or any frame showing a token. */
export const frameSnapshot = (target: FrameTarget) =>
  frameCommand(target, {action: 'snapshot'}) as Promise<FrameSnapshot>;

/** Waits until the embed page is done loading (its data shown, or its error) and returns what it shows. */
export async function settledFrame(
  target: FrameTarget,
  predicate: (snapshot: FrameSnapshot) => boolean = () => true,
): Promise<FrameSnapshot> {
  let last: FrameSnapshot | undefined;
  await waitUntil(
    async () => {
      last = await frameSnapshot(target);
      return (last.state === 'ready' || last.state === 'error') && predicate(last);
    },
    'the embed page did not settle',
    {timeout: 10_000, interval: 100},
  );
  return last!;
}

export class EmbeddedPage {
  readonly messages: MetabaseMessage[] = [];
  private readonly listener: (event: MessageEvent) => void;

  private constructor(
    readonly iframe: HTMLIFrameElement,
    origin: string,
  ) {
    // Only messages from this iframe's window and the emulator's origin count.
    this.listener = (event: MessageEvent<{metabase?: MetabaseMessage} | null>) => {
      const message = event.data?.metabase;
      if (event.source === iframe.contentWindow && event.origin === origin && message) this.messages.push(message);
    };
    window.addEventListener('message', this.listener);
  }

  /** Loads `path` (e.g. `/embed/dashboard/<token>#theme=night`) from the emulator of `plan` in an iframe. */
  static async open(
    path: string,
    {width = 960, height = 300, plan = 'oss'}: {width?: number; height?: number; plan?: Plan} = {},
  ): Promise<EmbeddedPage> {
    const origin = await emulatorOrigin(plan);
    const iframe = Object.assign(document.createElement('iframe'), {
      id: `emulator-frame-${++frames}`,
      src: `${origin}${path}`,
    });
    iframe.style.width = `${width}px`;
    iframe.style.height = `${height}px`;
    iframe.style.border = '0';
    const page = new EmbeddedPage(iframe, origin);
    const loaded = oneEvent(iframe, 'load');
    document.body.append(iframe);
    await loaded;
    return page;
  }

  private command(payload: FrameAction): Promise<unknown> {
    return frameCommand({iframe: this.iframe.id}, payload);
  }

  /** What a user sees in the embed right now. */
  snapshot(): Promise<FrameSnapshot> {
    return frameSnapshot({iframe: this.iframe.id});
  }

  /** Waits until the page is done loading (its data shown, or its error) and returns what it shows. */
  settled(predicate: (snapshot: FrameSnapshot) => boolean = () => true): Promise<FrameSnapshot> {
    return settledFrame({iframe: this.iframe.id}, predicate);
  }

  /** Chooses values in a filter's select, as a user does. */
  async select(slug: string, ...values: string[]): Promise<void> {
    await this.command({action: 'select', slug, values});
  }

  /** Focuses the control named `name` and types `keys` into it, as a user does. */
  async type(name: string, keys: string): Promise<void> {
    await this.command({action: 'type', name, keys});
  }

  /** Focuses the element `selector` matches and presses `keys` one after another, as a user does. */
  async press(selector: string, ...keys: PressedKey[]): Promise<void> {
    await this.command({action: 'press', selector, keys});
  }

  /** Waits for a message matching `predicate` and returns it. */
  async message(predicate: (message: MetabaseMessage) => boolean, what: string): Promise<MetabaseMessage> {
    await waitUntil(() => this.messages.some(predicate), `no ${what} message from the embed`, {timeout: 10_000});
    return this.messages.filter(predicate).at(-1)!;
  }

  remove(): void {
    window.removeEventListener('message', this.listener);
    this.iframe.remove();
  }
}

/**
 * Starts recording the tab's console (the embeds' too); resolves false where the engine
 * cannot (WebKit: classic WebDriver has no console command).
 */
export const recordConsole = () =>
  executeServerCommand<boolean, {action: 'start'}>('emulator-console', {action: 'start'});

/** What the tab logged since `recordConsole()`. */
export const consoleEntries = () =>
  executeServerCommand<ConsoleEntry[], {action: 'read'}>('emulator-console', {action: 'read'});
