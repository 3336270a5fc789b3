// @web/test-runner plugin: a token endpoint made with `createEmbedHandler({checkWithMetabase: true})`,
// mounted on the test page's origin at /__checked-endpoint/embed, in front of an emulator of
// its own whose content adds an unpublished dashboard (id 90) to the sample content. Browser
// tests read `{origin, endpoint, unpublishedDashboard}` at GET /__servers/checked-endpoint.json.
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {answerAheadOfDevServer} from './ahead-of-dev-server.js';
import {onFirstUse} from './on-first-use.js';

const ENDPOINT = '/__checked-endpoint/embed';
const UNPUBLISHED_DASHBOARD = 90;

/** The emulator, and the endpoint in front of it. */
async function startStack() {
  const [{sampleContent, startEmulator}, {createEmbedHandler, toNodeHandler}] = await Promise.all([
    import('../../emulator/src/index.js'),
    import('../../src/server/index.js'),
  ]);
  const secretKey = randomBytes(32).toString('hex');
  const content = sampleContent();
  content.dashboards.push({id: UNPUBLISHED_DASHBOARD, name: 'Unpublished dashboard', dashcards: []});
  const emulator = await startEmulator({secretKey, content});
  const handler = createEmbedHandler({
    siteUrl: emulator.url,
    secretKey,
    resources: {'dashboard:1': {locked: () => ({tenant: 'Acme'})}, [`dashboard:${UNPUBLISHED_DASHBOARD}`]: {}},
    checkWithMetabase: true,
  });
  return {emulator, listener: toNodeHandler(handler)};
}

export function checkedEndpointPlugin(): TestRunnerPlugin {
  const stack = onFirstUse(startStack, ({emulator}) => emulator.close());
  const answer = (req: IncomingMessage, res: ServerResponse) =>
    stack.get().then(
      ({listener}) => listener(req, res),
      (error: unknown) => res.writeHead(500, {'Content-Type': 'text/plain'}).end(`checked-endpoint: ${String(error)}`),
    );
  return {
    name: 'checked-endpoint',
    serverStart({server}) {
      if (!server) throw new Error('checked-endpoint plugin: the test runner started no HTTP server');
      answerAheadOfDevServer(
        server,
        (req) => req.url === ENDPOINT,
        (req, res) => void answer(req, res),
      );
    },
    serverStop: () => stack.stop(),
    async serve(context) {
      if (context.path !== '/__servers/checked-endpoint.json') return undefined;
      const {emulator} = await stack.get();
      return {
        body: JSON.stringify({origin: emulator.url, endpoint: ENDPOINT, unpublishedDashboard: UNPUBLISHED_DASHBOARD}),
        type: 'json',
      };
    },
  };
}
