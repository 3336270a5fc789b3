// The fake Metabase embed origin: a node:http server on 127.0.0.1:<random port>. The test page is
// served from localhost:<port>, so an iframe showing this server's pages is truly cross-origin.
//
//   GET /embed/dashboard/<jwt>, /embed/question/<jwt>   the page (embed-page-html.ts); the token is
//                                                        decoded, never verified
//   GET /iframeResizer.contentWindow.js                  iframe-resizer 4.3.2's child script
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import type {AddressInfo} from 'node:net';
import {decodeJwt} from 'jose';
import type {PageSteering} from './embed-page-claims.js';
import {childScriptPath, renderEmbedPage, type EmbedPageFacts} from './embed-page-html.js';

export interface EmbedPageServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  close(): Promise<void>;
}

const childScriptFile = createRequire(import.meta.url).resolve('iframe-resizer/js/iframeResizer.contentWindow.js');

const embedPath = /^\/embed\/(dashboard|question)\/([^/]+)$/;

/** The `test` claim as found in a token: untrusted, so every value is checked before use. */
type TestClaims = {[K in keyof PageSteering]?: unknown};

function queryRecord(search: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

const positiveNumber = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, {'Content-Type': type, 'Cache-Control': 'no-store'});
  res.end(body);
}

async function serveEmbedPage(
  res: ServerResponse,
  kind: EmbedPageFacts['kind'],
  token: string,
  search: URLSearchParams,
) {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    // Metabase answers a malformed token with this text and status.
    return send(res, 400, 'text/plain; charset=utf-8', 'Message seems corrupt or manipulated');
  }
  const test = (typeof claims.test === 'object' && claims.test !== null ? claims.test : {}) as TestClaims;
  const wait = positiveNumber(test.delayMs, 0);
  if (wait > 0) await delay(wait);
  if (res.destroyed) return;
  send(
    res,
    200,
    'text/html; charset=utf-8',
    renderEmbedPage({
      kind,
      resource: claims.resource,
      tokenParams: claims.params,
      queryParams: queryRecord(search),
      height: positiveNumber(test.height, 300),
      resizer: test.resizer === false ? false : test.resizer === 'max' ? 'max' : true,
    }),
  );
}

async function route(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://embed.invalid');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
  const page = embedPath.exec(url.pathname);
  if (page)
    return serveEmbedPage(res, page[1] as EmbedPageFacts['kind'], decodeURIComponent(page[2]!), url.searchParams);
  if (url.pathname === childScriptPath) {
    return send(res, 200, 'text/javascript; charset=utf-8', await readFile(childScriptFile, 'utf8'));
  }
  send(res, 404, 'text/plain', 'Not found.');
}

export async function startEmbedPageServer(): Promise<EmbedPageServer> {
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
