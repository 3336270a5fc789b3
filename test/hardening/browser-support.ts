// Shared by the suite's Chromium tests: a watch for unhandled rejections and errors, a fetch
// counter, a fake clock driven in steps (so real network answers land between steps), and
// the hardening plugin's commands (test/support/hardening-plugin.ts).
import {executeServerCommand} from '@web/test-runner-commands';
import sinon from 'sinon';
import type {FrameReport, HardeningEmulatorPayload} from '../support/hardening-plugin.js';

// Captured before any test fakes the clock.
const realSetTimeout = window.setTimeout.bind(window);
const realWait = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

/** Records unhandled promise rejections and uncaught errors from now on; `stop` returns them. */
export function watchUnhandled(): {stop(): string[]} {
  const seen: string[] = [];
  const onRejection = (event: PromiseRejectionEvent) => seen.push(`unhandled rejection: ${String(event.reason)}`);
  const onError = (event: ErrorEvent) => seen.push(`uncaught error: ${event.message}`);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  return {
    stop() {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
      return seen;
    },
  };
}

export interface FetchCounter {
  /** Calls to window.fetch since the counter was installed. */
  calls(): number;
  /** Calls whose promise has not settled yet. */
  pending(): number;
}

/** The test endpoint's signing requests, not its request log. */
const isSignRequest = (url: string) => url.includes('/__test-endpoint/sign');

/** Counts window.fetch calls to URLs `counted` picks, and those still in flight (removed by sinon.restore()). */
export function countFetches(counted: (url: string) => boolean = isSignRequest): FetchCounter {
  const original = window.fetch.bind(window);
  let calls = 0;
  let pending = 0;
  sinon.stub(window, 'fetch').callsFake((...args: Parameters<typeof fetch>) => {
    const [input] = args;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!counted(url)) return original(...args);
    calls++;
    pending++;
    const settled = () => void pending--;
    const request = original(...args);
    request.then(settled, settled);
    return request;
  });
  return {calls: () => calls, pending: () => pending};
}

export type FakeClock = sinon.SinonFakeTimers;

export const fakeClock = (): FakeClock =>
  sinon.useFakeTimers({
    now: Date.now(),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });

export interface AdvanceOptions {
  /** Stop early once this holds. */
  done?: () => boolean;
  /** Before each step, wait (real time, up to 20 s) until these fetches have been answered. */
  answered?: FetchCounter;
  /**
   * Before each step, wait (real time, up to 20 s) until this resolves true: for requests
   * that are never answered, that the server has received each one, so that moving the
   * clock to the element's timeout cannot abort a request before it was sent.
   */
  received?: () => Promise<boolean>;
}

/**
 * Moves the fake clock `totalMs` forward in steps of `stepMs`, letting real time pass
 * between steps (answers from real servers arrive, iframes load), so a fake-clock timeout
 * never fires on a request the machine is merely slow to answer. Returns whether `done` held.
 */
export async function advance(
  clock: FakeClock,
  totalMs: number,
  stepMs: number,
  {done = () => false, answered, received}: AdvanceOptions = {},
): Promise<boolean> {
  for (let moved = 0; moved < totalMs; moved += stepMs) {
    const deadline = performance.now() + 20_000;
    do await realWait(15);
    while (answered && answered.pending() > 0 && performance.now() < deadline);
    while (received && !(await received()) && performance.now() < deadline) await realWait(15);
    if (done()) return true;
    await clock.tickAsync(Math.min(stepMs, totalMs - moved));
  }
  await realWait(15);
  return done();
}

/** Resolves once `predicate` holds, checking every 10 ms of real time; fails after `ms`. */
export async function eventually(predicate: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await realWait(10);
  }
}

export function hardeningEmulator(payload: {
  action: 'start';
  hostile?: boolean;
}): Promise<{origin: string; secretKey: string}>;
export function hardeningEmulator(payload: {
  action: 'restart' | 'rotate';
}): Promise<{origin: string; secretKey: string}>;
export function hardeningEmulator(payload: {action: 'get'; path: string}): Promise<{status: number; text: string}>;
export function hardeningEmulator(payload: {action: 'stop'}): Promise<true>;
export function hardeningEmulator(payload: HardeningEmulatorPayload): Promise<unknown> {
  return executeServerCommand('hardening-emulator', payload);
}

/**
 * Offline: requests to URLs matching `urlPattern` (the test endpoint by default) fail the
 * way Chromium fails them offline, navigator.onLine is false and `offline` fires; back
 * online undoes all three and fires `online`, as the browser does.
 */
export async function setOffline(offline: boolean, urlPattern = '*/__test-endpoint/sign*'): Promise<void> {
  await executeServerCommand('hardening-network', {offline, urlPattern});
  if (offline) Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => false});
  else delete (navigator as {onLine?: boolean}).onLine;
  window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
}

/** The emulator page showing this token, as the browser renders it. */
export function frameReport(embedToken: string): Promise<FrameReport> {
  return executeServerCommand<FrameReport, {embedToken: string}>('hardening-frame', {embedToken});
}

/** alert/confirm/prompt dialogs any frame of this page opened (each dismissed). */
export function dialogCount(): Promise<number> {
  return executeServerCommand<number, undefined>('hardening-dialogs');
}

/** The token in an embed URL (its last path segment). */
export const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
