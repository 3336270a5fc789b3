// @web/test-runner plugin: starts the emulator with its test page (another origin), mounts the
// real signing endpoint on the test page's origin, and serves the same pages on a third origin
// (a stranger). Browser tests reach them through embed-page.ts; the origins are also served at
// GET /__servers/embed-page.json as {origin, strangerOrigin} (see servers.ts).
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import type {Page} from 'puppeteer-core';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {endpointPrefix} from '../../support/embed-page-endpoint.js';
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

/**
 * The emulator serving its test page (another origin), a second one for a third origin (a
 * stranger that is neither the test page nor the embed), and the signing endpoint for the
 * embed's origin.
 */
async function startStack() {
  const [{startEmulator}, {createSigningEndpoint}] = await Promise.all([
    import('../../emulator/src/index.js'),
    import('../../support/embed-page-endpoint.js'),
  ]);
  const secret = randomBytes(32).toString('hex');
  // The test page shows no content: without the sample tables, a start takes milliseconds, not a second.
  const start = () =>
    startEmulator({secretKey: secret, testPage: true, content: {questions: [], dashboards: [], tables: {}}});
  const [embedPage, stranger] = await Promise.all([start(), start()]);
  const endpoint = createSigningEndpoint({embedOrigin: embedPage.url, secret});
  return {embedPage, stranger, endpoint};
}

export function embedPagePlugin(): TestRunnerPlugin {
  const stack = onFirstUse(startStack, ({embedPage, stranger}) => Promise.all([embedPage.close(), stranger.close()]));
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
      const {embedPage, stranger} = await stack.get();
      const body = JSON.stringify({origin: embedPage.url, strangerOrigin: stranger.url});
      return {body, type: 'json', headers: {'Cache-Control': 'no-store'}};
    },
  };
}
