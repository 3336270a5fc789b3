// Browser-side helpers for the emulator's test page (another origin) and the real signing
// endpoint (this origin). Both come from embed-page-plugin.ts, listed in plugins.ts.
//
// Usage in a *.test.ts:
//
//   import {endpointUrl, newSession, requestLog, mintEmbedUrl, sendToEmbed, nextEmbedLoad}
//     from '../support/embed-page.js';
//
//   const session = newSession();
//   el.endpoint = endpointUrl({session, height: 420, lifetime: 120});
//   const loaded = await nextEmbedLoad();           // {href, resource, tokenParams, queryParams, hash}
//   expect(await requestLog(session)).to.have.length(1);
//   sendToEmbed(iframe, {setHeight: 700});          // iframe-resizer reports the new height
//
// The signing endpoint, POST /__test-endpoint/sign?<knobs> with body {resource, params}, signs a
// real HS256 token (secret kept in Node) and answers {url, token, expiresAt (ms)} by default.
// Knobs (see EndpointKnobs): lifetime (s, default 600), status (>= 300: that status with
// {error} instead), delayMs (answer late), shape (url → {url}, token → {token, siteUrl},
// jwt → {jwt}), height / resizer / pageDelayMs (steer the embed page through the token's `test`
// claim), skewSeconds (server clock ahead of the browser's: iat, exp and the Date header),
// iat=false (no iat claim: the element must take the server's clock from the Date header),
// retryAfter (Retry-After header), error (the {error} text of a status >= 300), session (log the request under that id),
// fault (drop: hang up without answering; malformed-json, html: a 200 of that kind; text-plain:
// the normal answer labelled text/plain; huge: a 200 of 50 MB of JSON), answerUrl (answer {url: answerUrl} unsigned), signAs (sign for
// this JSON resource instead of the one asked for). A bad knob is a
// 400 naming it. A body that is not JSON, or a resource that is not {dashboard|question: id},
// is a 400; a Content-Type other than application/json is a 415. Every request is logged first.
//
// The emulator's test page (its testPage option; GET <origin>/embed/dashboard|question/<jwt>,
// token decoded, never verified) shows the resource, token params, query params and hash; its content block is `test.height`
// px high (default 300) and the whole document is exactly that high; it runs iframe-resizer
// 4.3.2's child script unless `test.resizer === false`; `test.delayMs` delays the page; on load
// it posts {metabaseEmbedTest: {loaded: {href, resource, tokenParams, queryParams, hash}}} to its
// parent. It obeys commands from its parent window, sent with sendToEmbed (EmbedCommand).
import {executeServerCommand} from '@web/test-runner-commands';
import {SignJWT} from 'jose';
import {embedClaims, type PageSteering} from '../../support/embed-page-claims.js';
import {testServer} from '../../support/servers.js';

// Importing this module keeps the test page rendering even while another test file's page is
// in front (concurrency 2): iframe-resizer's parent script applies heights in animation frames,
// which Chromium pauses in background pages. See keepRendering in embed-page-plugin.ts.
await executeServerCommand('embed-page-keep-rendering');

export interface EndpointKnobs {
  session?: string;
  /** Token lifetime in seconds (exp = iat + lifetime); default 600. */
  lifetime?: number;
  /** >= 300: answer that status with an {error} body; 2xx: the normal answer with that status. */
  status?: number;
  /** Answer after this many ms. */
  delayMs?: number;
  /** Which answer shape; default {url, token, expiresAt}. */
  shape?: 'url' | 'token' | 'jwt';
  /** The embed page's content height in px (token claim test.height). */
  height?: number;
  /** false: the embed page does not load iframe-resizer's child script; 'max': it does, with Metabase's settings. */
  resizer?: false | 'max';
  /** The embed page answers after this many ms (token claim test.delayMs). */
  pageDelayMs?: number;
  /** The signing server's clock is this many seconds ahead of the browser's. */
  skewSeconds?: number;
  /** false: sign without `iat` (the element then reads the server's clock from `Date`). */
  iat?: false;
  /** Retry-After header value (seconds or an HTTP date). */
  retryAfter?: number | string;
  /** With status >= 300: the answer's {error} text (default "test endpoint answers <status> as asked"). */
  error?: string;
  /** A broken answer: hang up (drop), a 200 that is not JSON or cut short, the signed answer as text/plain, or 50 MB of JSON (huge). */
  fault?: 'drop' | 'malformed-json' | 'html' | 'text-plain' | 'huge';
  /** Answer {url: answerUrl} as is, without signing. */
  answerUrl?: string;
  /** Sign for this resource (JSON, e.g. '{"dashboard":2}') instead of the one asked for. */
  signAs?: string;
}

export type Resource = {dashboard: number | string} | {question: number | string};

export interface LoggedRequest {
  resource: unknown;
  params: unknown;
  receivedAt: number;
  contentType: string | null;
}

export interface EmbedLoaded {
  href: string;
  resource: unknown;
  tokenParams: unknown;
  queryParams: Record<string, string | string[]>;
  hash: string;
}

export type EmbedCommand =
  | {setHeight: number}
  | {postLocation: {search: string}}
  | {postFrame: {height: number; mode?: 'normal' | 'fit'}}
  | {postToParent: unknown};

let origins: Promise<{origin: string; strangerOrigin: string}> | undefined;
const pageServers = () => (origins ??= testServer<{origin: string; strangerOrigin: string}>('embed-page'));

/** The test page's origin, e.g. `http://127.0.0.1:41234` (cross-origin from this page). */
export async function embedPageOrigin(): Promise<string> {
  return (await pageServers()).origin;
}

/** The same pages on a third origin, neither this page's nor the embed's: a stranger's. */
export async function strangerPageOrigin(): Promise<string> {
  return (await pageServers()).strangerOrigin;
}

/** A fresh id for the endpoint's request log. */
export const newSession = () => crypto.randomUUID();

/** The signing endpoint's same-origin URL with these knobs. */
export function endpointUrl(knobs: EndpointKnobs = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(knobs)) {
    if (value !== undefined) query.set(name, String(value));
  }
  const search = query.toString();
  return `/__test-endpoint/sign${search ? `?${search}` : ''}`;
}

/** Every request the endpoint received for this session, oldest first. */
export async function requestLog(session: string): Promise<LoggedRequest[]> {
  const response = await fetch(`/__test-endpoint/log?session=${encodeURIComponent(session)}`, {cache: 'no-store'});
  if (!response.ok) throw new Error(`request log: HTTP ${response.status}`);
  return (await response.json()) as LoggedRequest[];
}

export interface MintOptions extends PageSteering {
  resource: Resource;
  params?: Record<string, unknown>;
  /** Seconds from iat to exp; default 600. Ignored when exp is given. */
  lifetime?: number;
  /** Seconds since epoch; default now. */
  iat?: number;
  exp?: number;
  /** Whose page server: the embed's (default) or the stranger's on a third origin. */
  server?: 'embed' | 'stranger';
}

// The test page never verifies, so a throwaway key is enough; real signatures come from the endpoint.
const throwawayKey = crypto.getRandomValues(new Uint8Array(64));

/** Signs a token in the browser (HS256, throwaway key) for hand-made embed URLs. */
export async function mintToken(options: MintOptions): Promise<string> {
  const iat = options.iat ?? Math.floor(Date.now() / 1000);
  return new SignJWT(embedClaims(options.resource, options.params ?? {}, options))
    .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + (options.lifetime ?? 600))
    .sign(throwawayKey);
}

/** `<embed origin>/embed/<dashboard|question>/<minted token>` */
export async function mintEmbedUrl(options: MintOptions): Promise<string> {
  const kind = 'dashboard' in options.resource ? 'dashboard' : 'question';
  const origin = options.server === 'stranger' ? await strangerPageOrigin() : await embedPageOrigin();
  return `${origin}/embed/${kind}/${await mintToken(options)}`;
}

/** Sends a command to the embed page shown in this iframe (only its own origin can receive it). */
export function sendToEmbed(iframe: HTMLIFrameElement, command: EmbedCommand): void {
  if (!iframe.contentWindow) throw new Error('sendToEmbed: the iframe is not in a document');
  iframe.contentWindow.postMessage({metabaseEmbedTest: command}, new URL(iframe.src).origin);
}

/** The next `loaded` report from an embed page (from this iframe's window, when given). */
export function nextEmbedLoad(iframe?: HTMLIFrameElement): Promise<EmbedLoaded> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const loaded = (event.data as {metabaseEmbedTest?: {loaded?: EmbedLoaded}} | null)?.metabaseEmbedTest?.loaded;
      if (!loaded || (iframe && event.source !== iframe.contentWindow)) return;
      window.removeEventListener('message', onMessage);
      resolve(loaded);
    };
    window.addEventListener('message', onMessage);
  });
}
