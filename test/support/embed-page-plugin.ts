// @web/test-runner plugin: starts the fake Metabase embed page server (another origin) and mounts
// the real signing endpoint on the test page's origin. Browser tests reach both through
// embed-page.ts; the origin is also served at GET /__servers/embed-page.json (see servers.ts).
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import type {Page} from 'puppeteer-core';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {endpointPrefix} from './embed-page-endpoint.js';
import {runnerEngine} from './runner-engine.js';
import {answerAheadOfDevServer} from './ahead-of-dev-server.js';
import {onFirstUse} from './on-first-use.js';

/** Browser command (see embed-page.ts): keep this test page rendering while it is in the background. */
export const keepRenderingCommand = 'embed-page-keep-rendering';

// With concurrency > 1 the runner's pages share one window and all but one are hidden; Chromium
// then runs no animation frames there, and iframe-resizer's parent script sets heights in an
// animation frame. Focus emulation keeps a page visible, as if it were the only one.
// Only Chromium speaks CDP; the other engines run one page at a time anyway (see the config).
async function keepRendering(browser: unknown, sessionId: string): Promise<boolean> {
  if (runnerEngine() !== 'chromium') return false;
  const page = (browser as {getPage(id: string): Page}).getPage(sessionId);
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setFocusEmulationEnabled', {enabled: true});
  return true;
}

/** The embed page server, and the signing endpoint for its origin. */
async function startStack() {
  const [{startEmbedPageServer}, {createSigningEndpoint}] = await Promise.all([
    import('./embed-page-server.js'),
    import('./embed-page-endpoint.js'),
  ]);
  const embedPage = await startEmbedPageServer();
  const endpoint = createSigningEndpoint({embedOrigin: embedPage.origin, secret: randomBytes(32).toString('hex')});
  return {embedPage, endpoint};
}

export function embedPagePlugin(): TestRunnerPlugin {
  const stack = onFirstUse(startStack, ({embedPage}) => embedPage.close());
  const answer = (req: IncomingMessage, res: ServerResponse) =>
    stack.get().then(
      ({endpoint}) => endpoint.handle(req, res),
      (error: unknown) => res.writeHead(500, {'Content-Type': 'text/plain'}).end(`embed-page: ${String(error)}`),
    );
  return {
    name: 'embed-page',
    serverStart({server}) {
      if (!server) throw new Error('embed-page plugin: the test runner started no HTTP server');
      // Ahead of the dev server, so none of its caching or transform middleware touches the answers.
      answerAheadOfDevServer(
        server,
        (req) => req.url?.startsWith(endpointPrefix) ?? false,
        (req, res) => void answer(req, res),
      );
    },
    serverStop: () => stack.stop(),
    executeCommand({command, session}) {
      if (command !== keepRenderingCommand) return undefined;
      return keepRendering(session.browser, session.id);
    },
    async serve(context) {
      if (context.path !== '/__servers/embed-page.json') return undefined;
      const {embedPage} = await stack.get();
      return {body: JSON.stringify({origin: embedPage.origin}), type: 'json', headers: {'Cache-Control': 'no-store'}};
    },
  };
}
