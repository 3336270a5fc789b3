// The servers every browser benchmark talks to, all on loopback:
//   host app      pages that load the script-tag bundle and/or iframe-resizer's parent script,
//                 the in-page benchmark modules (bench/element/page/), and two token endpoints:
//                 /__test-endpoint/sign (support/'s signer for the emulator's test page, with a
//                 request log per ?session=) and /emulator-sign (createEmbedHandler for the emulator)
//   embed page    the emulator's test page (its testPage option), on another origin (fast, fixed height)
//   emulator      metabase-embed-emulator, on a third origin (Metabase's shell, then the cards)
//   slow emulator the same with its cards answering one by one over 3 s (cardDelayMs), and
//                 its endpoint /slow-emulator-sign
//   /bundle-before.js  the element as it was at bench/lib/before-bundle.ts's commit
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {createRequire} from 'node:module';
import type {AddressInfo} from 'node:net';
import {startEmulator, SAMPLE} from '../../emulator/src/index.js';
import {bundleAt, swapBeforeRef} from './before-bundle.js';
import {createEmbedHandler, toNodeHandler} from '../../src/server/index.js';
import {createSigningEndpoint} from '../../support/embed-page-endpoint.js';

export const bundleFile = 'dist/cdn/metabase-embed.iife.js';
/** Lifetime of the emulator's tokens: the element renews a 10 s token after 5 s (src/embed/token-policy.ts). */
export const emulatorTokenSeconds = 10;
/** The slow emulator's cards answer over this many ms: the sample dashboard's six, 500 ms apart. */
export const slowCardsMs = 3000;

export interface BenchStack {
  hostOrigin: string;
  embedOrigin: string;
  emulatorOrigin: string;
  slowEmulatorOrigin: string;
  close(): Promise<void>;
}

const pageModules = new URL('../element/page/', import.meta.url);
const resizerParentScript = createRequire(import.meta.url).resolve('iframe-resizer/js/iframeResizer.min.js');

/** `?with=element,resizer`: which scripts the blank page loads before the benchmark's modules. */
function pageHtml(scripts: string[]): string {
  const tags = [
    scripts.includes('element') ? '<script src="/bundle.js"></script>' : '',
    scripts.includes('element-before') ? '<script src="/bundle-before.js"></script>' : '',
    scripts.includes('resizer') ? '<script src="/iframe-resizer.js"></script>' : '',
  ];
  return `<!doctype html><meta charset="utf-8"><title>bench</title>${tags.join('')}<body></body>`;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startBenchStack(): Promise<BenchStack> {
  const secretKey = randomBytes(32).toString('hex');
  // The test page shows no content: without the sample tables, it starts in milliseconds.
  const embedPage = await startEmulator({
    secretKey,
    testPage: true,
    content: {questions: [], dashboards: [], tables: {}},
  });
  const emulator = await startEmulator({secretKey});
  const slowEmulator = await startEmulator({secretKey, cardDelayMs: slowCardsMs});
  const testEndpoint = createSigningEndpoint({embedOrigin: embedPage.url, secret: secretKey});
  const emulatorEndpointFor = (siteUrl: string, expiresIn: number) =>
    toNodeHandler(
      createEmbedHandler({
        siteUrl,
        secretKey,
        expiresIn,
        resources: {[`dashboard:${SAMPLE.salesDashboard.id}`]: {editable: ['category'], locked: {tenant: 'Acme'}}},
      }),
    );
  const emulatorEndpoint = emulatorEndpointFor(emulator.url, emulatorTokenSeconds);
  // Twice as long: the first dashboard is drawn (over 3 s) well before its renewal.
  const slowEmulatorEndpoint = emulatorEndpointFor(slowEmulator.url, 2 * emulatorTokenSeconds);
  const bundle = readFileSync(bundleFile);
  const bundleBefore = await bundleAt(swapBeforeRef);
  const resizer = readFileSync(resizerParentScript);
  const script = (body: Buffer | string) => ({type: 'text/javascript', body});

  const server = createServer((req, res) => {
    void (async () => {
      if (await testEndpoint.handle(req, res)) return;
      const url = new URL(req.url ?? '/', 'http://host.invalid');
      if (url.pathname === '/emulator-sign') return emulatorEndpoint(req, res);
      if (url.pathname === '/slow-emulator-sign') return slowEmulatorEndpoint(req, res);
      let answer: {type: string; body: Buffer | string} | undefined;
      if (url.pathname === '/')
        answer = {type: 'text/html', body: pageHtml((url.searchParams.get('with') ?? '').split(','))};
      else if (url.pathname === '/bundle.js') answer = script(bundle);
      else if (url.pathname === '/bundle-before.js') answer = script(bundleBefore);
      else if (url.pathname === '/iframe-resizer.js') answer = script(resizer);
      else if (/^\/page\/[a-z-]+\.mjs$/.test(url.pathname)) {
        answer = script(readFileSync(new URL(url.pathname.slice('/page/'.length), pageModules)));
      }
      if (answer) res.writeHead(200, {'Content-Type': answer.type, 'Cache-Control': 'no-store'}).end(answer.body);
      else res.writeHead(404).end();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  const hostOrigin = await listen(server);
  return {
    hostOrigin,
    embedOrigin: embedPage.url,
    emulatorOrigin: emulator.url,
    slowEmulatorOrigin: slowEmulator.url,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await embedPage.close();
      await emulator.close();
      await slowEmulator.close();
    },
  };
}
