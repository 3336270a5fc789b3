// @web/test-runner plugin: token endpoints on another origin than the test page, for the
// element's `credentials="include"` road. Two createEmbedHandler endpoints on 127.0.0.1 (the
// page is on localhost: another origin, and another site), each on its own port, in front of
// an emulator of their own: `listed` has the test page's origin in allowedOrigins, `unlisted`
// lists only another one. Browser tests read `{origin, pageOrigin, listed, unlisted}` at
// GET /__servers/cors.json; the servers start when a test first asks for it.
import {randomBytes} from 'node:crypto';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import {createEmbedHandler, toNodeHandler} from '../../src/server/index.js';
import {listenOnLoopback, type LoopbackServer} from '../server/support.js';
import {onFirstUse} from './on-first-use.js';

const ENDPOINT = '/api/metabase/embed';

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

async function startServers(pageOrigin: string) {
  const {startEmulator} = await import('../../emulator/src/index.js');
  const secretKey = randomBytes(32).toString('hex');
  const emulator = await startEmulator({secretKey});
  const [listed, unlisted] = await Promise.all([
    endpoint(emulator.url, secretKey, pageOrigin),
    endpoint(emulator.url, secretKey, 'https://app.example.com'),
  ]);
  return {emulator, listed, unlisted};
}

export function corsPlugin(): TestRunnerPlugin {
  let pageOrigin = '';
  const servers = onFirstUse(
    () => startServers(pageOrigin),
    ({emulator, listed, unlisted}) => Promise.all([emulator.close(), listed.close(), unlisted.close()]),
  );

  return {
    name: 'cors',
    serverStart({config}) {
      pageOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
    },
    serverStop: () => servers.stop(),
    async serve(context) {
      if (context.path !== '/__servers/cors.json') return undefined;
      const {emulator, listed, unlisted} = await servers.get();
      return {
        body: JSON.stringify({
          origin: emulator.url,
          pageOrigin,
          listed: `${listed.origin}${ENDPOINT}`,
          unlisted: `${unlisted.origin}${ENDPOINT}`,
        }),
        type: 'json',
      };
    },
  };
}
