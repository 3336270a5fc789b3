// @web/test-runner plugin: a token endpoint made with `createEmbedHandler({checkWithMetabase: true})`,
// mounted on the test page's origin at /__checked-endpoint/embed, in front of an emulator of
// its own whose content adds an unpublished dashboard (id 90) to the sample content. Browser
// tests read `{origin, endpoint, unpublishedDashboard}` at GET /__servers/checked-endpoint.json.
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import {sampleContent, startEmulator, type RunningEmulator} from '../../emulator/src/index.js';
import {createEmbedHandler, toNodeHandler} from '../../src/server/index.js';
import {answerAheadOfDevServer} from './ahead-of-dev-server.js';

const ENDPOINT = '/__checked-endpoint/embed';
const UNPUBLISHED_DASHBOARD = 90;

export function checkedEndpointPlugin(): TestRunnerPlugin {
  let emulator: RunningEmulator | undefined;
  return {
    name: 'checked-endpoint',
    async serverStart({server}) {
      if (!server) throw new Error('checked-endpoint plugin: the test runner started no HTTP server');
      const secretKey = randomBytes(32).toString('hex');
      const content = sampleContent();
      content.dashboards.push({id: UNPUBLISHED_DASHBOARD, name: 'Unpublished dashboard', dashcards: []});
      emulator = await startEmulator({secretKey, content});
      const handler = createEmbedHandler({
        siteUrl: emulator.url,
        secretKey,
        resources: {'dashboard:1': {locked: () => ({tenant: 'Acme'})}, [`dashboard:${UNPUBLISHED_DASHBOARD}`]: {}},
        checkWithMetabase: true,
      });
      const listener = toNodeHandler(handler);
      answerAheadOfDevServer(
        server,
        (req) => req.url === ENDPOINT,
        (req, res) => void listener(req, res),
      );
    },
    async serverStop() {
      await emulator?.close();
      emulator = undefined;
    },
    serve(context) {
      if (context.path !== '/__servers/checked-endpoint.json' || !emulator) return undefined;
      return {
        body: JSON.stringify({origin: emulator.url, endpoint: ENDPOINT, unpublishedDashboard: UNPUBLISHED_DASHBOARD}),
        type: 'json',
      };
    },
  };
}
