// @web/test-runner plugin: token endpoints on another origin than the test page, for the
// element's `credentials="include"` road. Two createEmbedHandler endpoints on 127.0.0.1 (the
// page is on localhost: another origin, and another site), each on its own port, in front of
// an emulator of their own: `listed` has the test page's origin in allowedOrigins, `unlisted`
// lists only another one. Browser tests read `{origin, pageOrigin, listed, unlisted}` at
// GET /__servers/cors.json.
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import {startEmulator, type RunningEmulator} from '../../emulator/src/index.js';
import {createEmbedHandler, toNodeHandler} from '../../src/server/index.js';
import {listenOnLoopback, type LoopbackServer} from '../server/support.js';

const ENDPOINT = '/api/metabase/embed';

export function corsPlugin(): TestRunnerPlugin {
  let emulator: RunningEmulator | undefined;
  let endpoints: Record<'listed' | 'unlisted', LoopbackServer> | undefined;
  let pageOrigin = '';

  async function endpoint(siteUrl: string, secretKey: string, allowedOrigin: string): Promise<LoopbackServer> {
    const handler = createEmbedHandler({
      siteUrl,
      secretKey,
      resources: {'dashboard:1': {editable: ['category'], locked: () => ({tenant: 'Acme'})}},
      allowedOrigins: [allowedOrigin],
    });
    const listener = toNodeHandler(handler);
    return listenOnLoopback((req, res) => void listener(req, res));
  }

  return {
    name: 'cors',
    async serverStart({config}) {
      pageOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      const secretKey = randomBytes(32).toString('hex');
      emulator = await startEmulator({secretKey});
      const [listed, unlisted] = await Promise.all([
        endpoint(emulator.url, secretKey, pageOrigin),
        endpoint(emulator.url, secretKey, 'https://app.example.com'),
      ]);
      endpoints = {listed, unlisted};
    },
    async serverStop() {
      await Promise.all([emulator?.close(), endpoints?.listed.close(), endpoints?.unlisted.close()]);
      emulator = undefined;
      endpoints = undefined;
    },
    serve(context) {
      if (context.path !== '/__servers/cors.json' || !emulator || !endpoints) return undefined;
      return {
        body: JSON.stringify({
          origin: emulator.url,
          pageOrigin,
          listed: `${endpoints.listed.origin}${ENDPOINT}`,
          unlisted: `${endpoints.unlisted.origin}${ENDPOINT}`,
        }),
        type: 'json',
      };
    },
  };
}
