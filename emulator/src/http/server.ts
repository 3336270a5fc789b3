// The emulator's HTTP server: embed pages, the embed API and static assets, with the
// headers a frameable page needs (and none that would leak its token).
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createEmbedApi} from './api.js';
import {assertCardDelay} from './card-delay.js';
import {createContentStore} from '../content/store.js';
import {generateSampleTables} from '../content/sample-data.js';
import {sampleContent} from '../content/sample-content.js';
import {validateContent} from '../content/validate.js';
import type {EmulatorContent} from '../content/schema.js';
import {loadAsset} from '../page/assets.js';
import {notFoundPageHtml, pageHtml} from '../page/html.js';
import {TEST_PAGE_CSP, testPage} from '../page/test-page.js';
import {assertPlan, type Plan} from '../rules/plan.js';
import {answerClientError, parseRequestTarget, unusableTargetMessage} from './request-target.js';
import {matchRoute} from './routes.js';
import {assertSecretKey, hmacKey} from '../rules/secret.js';

export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number | undefined;
  /** Interface to bind; loopback by default. */
  host?: string | undefined;
  /** The 64-character hexadecimal embedding secret key tokens must be signed with. */
  secretKey: string;
  /** Items and tables replacing the built-in sample content (parsed JSON, checked on start). */
  content?: EmulatorContent | undefined;
  /**
   * The emulator's clock in epoch milliseconds (default `Date.now`), read for every token
   * check (`exp` with 60 s leeway, `nbf`) and download file name. Tests pass their own to
   * move time without waiting.
   */
  now?: (() => number) | undefined;
  /**
   * The plan it behaves as: `"oss"` (the default, as open-source Metabase) shows the
   * "Powered by Metabase" banner and ignores the paid-only hash options `font`, `downloads`
   * and `locale`; `"pro"` (Pro and Enterprise) hides the banner and applies them.
   */
  plan?: Plan | undefined;
  /**
   * Card queries answer late, spread over this many milliseconds: of a dashboard's N cards,
   * the n-th answers after cardDelayMs·n/N (the last after all of it); a question's after all
   * of it. Downloads are not delayed. For trying a page against a busy Metabase that draws
   * its cards one by one (emulator/README.md#slow-cards). Default 0.
   */
  cardDelayMs?: number | undefined;
  /**
   * Serve the test page (emulator/README.md#test-page) at every `/embed/dashboard|question/<token>`
   * instead of the embed page: one whose size, messages and delay the token's `test` claim
   * steers, for the element's own tests. Its token is decoded, never checked (it shows only
   * the token's claims). The API and assets are unchanged. Default false.
   */
  testPage?: boolean | undefined;
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /**
   * Replaces the secret, as Metabase's "Regenerate key" does: from now on every token
   * signed with the old one is refused ("Message seems corrupt or manipulated"), including
   * those of embeds already on screen, at their next request. Throws on a malformed key.
   */
  setSecretKey(secretKey: string): void;
  close(): Promise<void>;
}

/** Metabase's default request header limit; a longer embed URL is refused there too. */
const MAX_HEADER_BYTES = 8192;

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // Embed URLs carry the token: never send them on as a Referer.
  'Referrer-Policy': 'no-referrer',
};

const PAGE_HEADERS = {
  ...COMMON_HEADERS,
  'Cache-Control': 'no-store',
  // Frameable by any site, like Metabase's static embeds; everything else from this origin only.
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; '),
};

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body)});
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function listenUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Starts a Metabase-compatible static-embedding server. Throws on a bad secret or bad content. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const {port = 0, host = '127.0.0.1', secretKey, now = Date.now, plan = 'oss'} = options ?? ({} as EmulatorOptions);
  assertSecretKey(secretKey);
  assertPlan(plan);
  const {cardDelayMs = 0, testPage: servesTestPage = false} = options;
  assertCardDelay(cardDelayMs);
  if (typeof servesTestPage !== 'boolean')
    throw new TypeError(`testPage must be true or false (got ${typeof servesTestPage}).`);
  if (typeof now !== 'function')
    throw new TypeError(`now must be a function returning epoch milliseconds (got ${typeof now}).`);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`port must be an integer from 0 to 65535 (got ${String(port)}).`);
  const content = validateContent(options.content ?? sampleContent(), generateSampleTables);
  let key = hmacKey(secretKey);
  const api = createEmbedApi({store: createContentStore(content), key: () => key, now, cardDelayMs});

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.', {
        ...COMMON_HEADERS,
        Allow: 'GET, HEAD',
      });
    }
    const url = parseRequestTarget(request.url);
    if (!url)
      return send(response, 400, 'text/plain; charset=utf-8', unusableTargetMessage(request.url), COMMON_HEADERS);
    const route = matchRoute(url.pathname);
    switch (route.kind) {
      case 'page': {
        if (!servesTestPage)
          return send(response, 200, 'text/html; charset=utf-8', pageHtml(route.resource, plan), PAGE_HEADERS);
        const answer = testPage(route.resource, route.token, url.searchParams);
        if (answer.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        if (response.destroyed) return;
        return send(response, answer.status, answer.contentType, answer.body, {
          ...PAGE_HEADERS,
          'Content-Security-Policy': TEST_PAGE_CSP,
        });
      }
      case 'api': {
        const answer = await api(route.route, url.searchParams);
        return send(response, answer.status, answer.contentType, answer.body, {
          ...COMMON_HEADERS,
          'Cache-Control': 'no-store',
          ...answer.headers,
        });
      }
      case 'not-found-page':
        // 200, as Metabase's server answers every /embed/ path with its app, which says "Not found".
        return send(response, 200, 'text/html; charset=utf-8', notFoundPageHtml(), PAGE_HEADERS);
      case 'download':
        // As Metabase's /embed/question/:token.:format route: the same query string, on to the API.
        return send(response, 302, 'text/plain; charset=utf-8', '', {
          ...COMMON_HEADERS,
          'Cache-Control': 'no-store',
          Location: `${route.location}${url.search}`,
        });
      case 'asset': {
        const asset = await loadAsset(route.name);
        // The iframe-resizer parent script is loaded by host pages on other origins.
        const corp = route.name === 'iframe-resizer-parent' ? 'cross-origin' : 'same-site';
        return send(response, 200, asset.contentType, asset.body, {
          ...COMMON_HEADERS,
          'Cache-Control': 'no-cache',
          'Cross-Origin-Resource-Policy': corp,
        });
      }
      default:
        return send(response, 404, 'text/plain; charset=utf-8', 'Not found.', COMMON_HEADERS);
    }
  }

  const server = createServer({maxHeaderSize: MAX_HEADER_BYTES}, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('metabase-embed emulator: unexpected error', error);
      if (!response.headersSent)
        send(response, 500, 'text/plain; charset=utf-8', 'Internal error in the emulator.', COMMON_HEADERS);
      else response.destroy();
    });
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: listenUrl(host, address.port),
    setSecretKey(next: string) {
      assertSecretKey(next);
      key = hmacKey(next);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
