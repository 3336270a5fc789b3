// Browser-side helpers for the end-to-end tests: the demo stack that demo-plugin.ts starts
// (emulator + host app, one per scope), its host app proxied onto this page's origin.
//
//   const stack = await demoStack('filters');       // a stack of its own for this file
//   await signIn(stack, 'ada');                       // the pretend user (tenant Acme)
//   el.endpoint = stack.endpoint;                     // the demo's real token endpoint
//   const rows = await cardRows(stack, token, 'Orders');  // the emulator's answer for a card
import {oneEvent, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import type {DemoContent, DemoLogEntry, DemoUser} from '../../demo/demo.js';
import type {FrameSnapshot} from '../../support/emulator-frame.js';
import {testServer} from '../../support/servers.js';

export interface DemoStack {
  scope: string;
  /** The host app's own origin (127.0.0.1); tests reach it through `base` on this origin. */
  origin: string;
  /** The emulator's origin: where the element's iframes load from. */
  emulatorOrigin: string;
  /** The host app, proxied onto this page's origin, e.g. `/__demo/filters`. */
  base: string;
  endpoint: string;
  /** The emulator, proxied, for reading its JSON API in assertions. */
  emulatorBase: string;
  tokenLifetime: number;
  content: DemoContent;
}

export type Claims = {resource: Record<string, unknown>; params: Record<string, unknown>; iat: number; exp: number};
export type Row = Array<string | number | null>;

export const demoStack = (scope: string) => testServer<DemoStack>(`demo/${scope}`);

/** Signs in as one of the demo's users (as the "signed in as" switch does). */
export async function signIn(stack: DemoStack, userId: string): Promise<DemoUser> {
  const response = await fetch(`${stack.base}/session`, {
    method: 'POST',
    headers: {Accept: 'application/json'},
    body: new URLSearchParams({user: userId}),
  });
  if (!response.ok) throw new Error(`Sign-in as ${userId} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as {user: DemoUser}).user;
}

/** What the host app logged: one entry per token request and per user switch. */
export async function serverLog(stack: DemoStack): Promise<DemoLogEntry[]> {
  return (await fetch(`/__servers/demo/${stack.scope}/log.json`)).json() as Promise<DemoLogEntry[]>;
}

export const tokenRequests = async (stack: DemoStack) =>
  (await serverLog(stack)).filter((entry) => entry.kind === 'token');

/**
 * Stops the stack's clock (its token signer's and its emulator's) at `epochMs`, e.g. the
 * test page's fake `Date.now()`; `null` gives both the real clock back.
 */
export async function setStackClock(stack: DemoStack, epochMs: number | null): Promise<void> {
  await fetch(`/__servers/demo/${stack.scope}/clock`, {method: 'POST', body: JSON.stringify({epochMs})});
}

/**
 * What the embed page showing `token` shows once it has loaded its data or its error,
 * wherever its frame is (the element's iframe is in its shadow root).
 */
export function embedView(token: string): Promise<FrameSnapshot> {
  return executeServerCommand<FrameSnapshot, Record<string, unknown>>('emulator-frame', {
    embedToken: token,
    action: 'snapshot',
    settled: true,
  });
}

/** A hand-made request to the token endpoint, as a script on the page could send. */
export function requestToken(stack: DemoStack, body: unknown): Promise<Response> {
  return fetch(stack.endpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
}

/**
 * Opens a demo page in a popup window of its own. A window, not an iframe: the test page is
 * a background tab whenever another test file runs beside it, and a hidden page neither
 * reports intersections (lazy embeds) nor lays out (resizing).
 */
export async function openDemoPage(stack: DemoStack, path: string): Promise<Window> {
  const url = new URL(`${stack.base}/${path}`, location.href);
  // A window name of its own: test files run side by side and must not share a popup.
  const page = window.open(url, `demo-${stack.scope}-${crypto.randomUUID()}`, 'popup,width=800,height=600')!;
  await waitUntil(
    () => page.location.href === url.href && page.document.readyState === 'complete',
    `${url.pathname} never loaded`,
    {timeout: 20_000},
  );
  return page;
}

/** The iframe on screen (during a renewal a hidden second one loads beside it). */
export function visibleIframe(el: MetabaseEmbedElement): HTMLIFrameElement {
  const visible = (frame: HTMLIFrameElement) =>
    frame.ownerDocument.defaultView!.getComputedStyle(frame).visibility !== 'hidden';
  const frames = [...el.shadowRoot!.querySelectorAll('iframe')].filter(visible);
  if (frames.length !== 1) throw new Error(`Expected one visible iframe, found ${frames.length}`);
  return frames[0]!;
}

/** The signed token in an embed URL (`<site>/embed/<type>/<jwt>?…#…`). */
export function tokenInUrl(url: string): string {
  const match = /\/embed\/(?:dashboard|question)\/([^/?#]+)/.exec(new URL(url).pathname);
  if (!match) throw new Error(`Not an embed URL: ${url}`);
  return match[1]!;
}

/** The token's claims, decoded (the emulator verifies; this only reads). */
export function claimsOf(token: string): Claims {
  const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload)) as Claims;
}

export const shownToken = (el: MetabaseEmbedElement) => tokenInUrl(visibleIframe(el).src);

/** Resolves with the next embed URL the element shows. */
export async function nextLoad(el: MetabaseEmbedElement): Promise<string> {
  return (await oneEvent(el, 'metabase-embed-load')).detail.url;
}

/** GET on the emulator's embed API; resolves with status and body (JSON, or the plain-text error). */
export async function emulatorApi(stack: DemoStack, path: string): Promise<{status: number; body: any}> {
  const response = await fetch(`${stack.emulatorBase}/api/embed/${path}`);
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text,
  };
}

/**
 * The emulator's answer for the dashboard card named `cardName` with this token (and
 * optional editable filter values in the query, as the embed's own widgets send them).
 */
export async function cardQuery(
  stack: DemoStack,
  token: string,
  cardName: string,
  parameters?: Record<string, unknown>,
): Promise<{status: number; body: any}> {
  const dashboard = await emulatorApi(stack, `dashboard/${token}`);
  if (dashboard.status !== 200) return dashboard;
  const dashcard = (dashboard.body.dashcards as Array<{id: number; card: {id: number; name: string}}>).find(
    (candidate) => candidate.card.name === cardName,
  );
  if (!dashcard) throw new Error(`No card named ${cardName}`);
  const query = parameters ? `?parameters=${encodeURIComponent(JSON.stringify(parameters))}` : '';
  return emulatorApi(stack, `dashboard/${token}/dashcard/${dashcard.id}/card/${dashcard.card.id}${query}`);
}

/** The rows of `cardQuery`'s answer; throws when the emulator refuses. */
export async function cardRows(
  stack: DemoStack,
  token: string,
  cardName: string,
  parameters?: Record<string, unknown>,
): Promise<Row[]> {
  const result = await cardQuery(stack, token, cardName, parameters);
  if (result.status !== 202) throw new Error(`Card ${cardName} refused: ${result.status} ${result.body}`);
  return result.body.data.rows as Row[];
}
