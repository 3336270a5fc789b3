// The servers of the first-dashboard benchmark, on loopback, each reached through a
// connection-cost proxy under names of its own (Chromium maps *.test to 127.0.0.1):
//   http://app.test:P           the host app: a page per variant, the bundle, its token
//                               endpoint (createEmbedHandler, same origin as the page)
//   http://metabase.test:Q      metabase-embed-emulator (Metabase's shell, then the cards),
//                               on another site than the host app
//   http://metabase.app.test:Q  the same emulator on the host app's site (a subdomain), where
//                               Chromium lets the page's connections serve the iframe
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {gzipSync} from 'node:zlib';
import {SAMPLE, startEmulator} from '../../emulator/src/index.js';
import {createEmbedHandler, signEmbedUrl, toHtmlAttributes, toNodeHandler} from '../../src/server/index.js';
import {startConnectionCostProxy, type ConnectionCostProxy} from './connection-cost.js';

/** The ES module build the README's snippet loads. */
export const moduleBundleFile = 'dist/cdn/metabase-embed.js';
export const hostResolverFlag = '--host-resolver-rules=MAP *.test 127.0.0.1';
const dashboard = SAMPLE.salesDashboard.id;
const endpointPath = '/api/metabase/embed';

/** How the page gets its first dashboard; `+ link` adds `<link rel="preconnect">` to Metabase in its head. */
export const variants = [
  'element, endpoint',
  'element, endpoint, site-url',
  'element, endpoint + link',
  'element, server-rendered token',
  'element, server-rendered token + link',
  'pre-signed iframe',
  'fetch + iframe',
] as const;
export type Variant = (typeof variants)[number];
/** Where Metabase is, seen from the host app's site. */
export type MetabaseSite = 'another site' | 'same site';

export interface FirstDashboardStack {
  /** The page for `variant`, e.g. http://app.test:P/first?variant=…&site=… */
  pageUrl(variant: Variant, site: MetabaseSite): string;
  /** Both proxies: the cost of a new connection is set on them together. */
  proxies: ConnectionCostProxy[];
  close(): Promise<void>;
}

// Sets window.firstDashboard: a promise of {start, load}, in ms since the navigation started
// (performance.now()): `load` at the embed's load, `start` when the embed began: the element
// defined (its script has run), the iframe written, the hand-written fetch sent. Rejected on
// the element's error.
const readyScript = `<script>
window.firstDashboard = new Promise((resolve, reject) => {
  let start;
  window.embedStarted = () => (start ??= performance.now());
  window.embedLoaded = () => resolve({start, load: performance.now()});
  customElements.whenDefined('metabase-embed').then(window.embedStarted);
  addEventListener('metabase-embed-load', window.embedLoaded, {once: true});
  addEventListener('metabase-embed-error', (event) => reject(new Error(event.detail.message)), {once: true});
});
</script>`;

const handFetchScript = (endpoint: string) => `<script>
embedStarted();
fetch(${JSON.stringify(endpoint)}, {
  method: 'POST',
  headers: {'Content-Type': 'application/json'},
  body: JSON.stringify({resource: {dashboard: ${dashboard}}, params: {}}),
})
  .then((response) => response.json())
  .then(({url}) => {
    const iframe = document.createElement('iframe');
    iframe.title = 'Sales dashboard';
    iframe.onload = window.embedLoaded;
    iframe.src = url;
    document.body.append(iframe);
  });
</script>`;

export async function startFirstDashboardStack(): Promise<FirstDashboardStack> {
  const secretKey = randomBytes(32).toString('hex');
  const emulator = await startEmulator({secretKey});
  const metabaseProxy = await startConnectionCostProxy(Number(new URL(emulator.url).port));
  const siteUrls: Record<MetabaseSite, string> = {
    'another site': `http://metabase.test:${metabaseProxy.port}`,
    'same site': `http://metabase.app.test:${metabaseProxy.port}`,
  };
  const handlerFor = (siteUrl: string) =>
    createEmbedHandler({
      siteUrl,
      secretKey,
      resources: {[`dashboard:${dashboard}`]: {editable: ['category'], locked: {tenant: 'Acme'}}},
    });
  const handlers = {
    'another site': handlerFor(siteUrls['another site']),
    'same site': handlerFor(siteUrls['same site']),
  };
  const endpoints = {
    'another site': toNodeHandler(handlers['another site']),
    'same site': toNodeHandler(handlers['same site']),
  };
  // Gzipped, as a CDN serves it: under a bandwidth limit its size counts.
  const bundle = gzipSync(readFileSync(moduleBundleFile), {level: 9});

  async function page(variant: Variant, site: MetabaseSite): Promise<string> {
    const siteUrl = siteUrls[site];
    const handler = handlers[site];
    const endpoint = `${endpointPath}?site=${encodeURIComponent(site)}`;
    const link = variant.endsWith('+ link') ? `<link rel="preconnect" href="${siteUrl}">` : '';
    const element = variant.startsWith('element');
    const head = `${link}${readyScript}${element ? '<script type="module" src="/metabase-embed.js"></script>' : ''}`;
    let body: string;
    if (variant.startsWith('element, endpoint')) {
      const siteAttribute = variant.endsWith('site-url') ? ` site-url="${siteUrl}"` : '';
      body = `<metabase-embed dashboard="${dashboard}" endpoint="${endpoint}"${siteAttribute}></metabase-embed>`;
    } else if (variant.startsWith('element, server-rendered token')) {
      const attributes = await handler.embedAttributes({dashboard});
      body = `<metabase-embed endpoint="${endpoint}" ${toHtmlAttributes(attributes)}></metabase-embed>`;
    } else if (variant === 'pre-signed iframe') {
      // What a host app writes today: the server signs the URL with the page.
      const url = await signEmbedUrl({siteUrl, secretKey, resource: {dashboard}, params: {tenant: 'Acme'}});
      body = `<iframe title="Sales dashboard" src="${url}" onload="embedLoaded()"></iframe><script>embedStarted()</script>`;
    } else body = handFetchScript(endpoint);
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${variant}</title>${head}</head><body>${body}</body></html>`;
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://app.test');
      // Which Metabase the page and its endpoint use: ?site=, on both.
      const site = url.searchParams.get('site') === 'same site' ? 'same site' : 'another site';
      if (url.pathname === endpointPath) return endpoints[site](req, res);
      const variant = variants.find((name) => name === url.searchParams.get('variant'));
      if (url.pathname === '/first' && variant) {
        res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'});
        res.end(await page(variant, site));
      } else if (url.pathname === '/metabase-embed.js') {
        const headers = {'Content-Type': 'text/javascript', 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store'};
        res.writeHead(200, headers).end(bundle);
      } else res.writeHead(404).end();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appProxy = await startConnectionCostProxy((server.address() as AddressInfo).port);
  const appOrigin = `http://app.test:${appProxy.port}`;
  return {
    pageUrl: (variant, site) => `${appOrigin}/first?${new URLSearchParams({variant, site}).toString()}`,
    proxies: [appProxy, metabaseProxy],
    async close() {
      await appProxy.close();
      await metabaseProxy.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.close();
    },
  };
}
