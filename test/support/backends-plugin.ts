// @web/test-runner plugin for the token endpoints in other languages (demo/backends/): on
// first use it starts an emulator with a fresh secret and the Python and Ruby backends
// signing for it, each allowing only the test page's origin.
//
//   GET /__servers/backends.json   {origin, emulatorOrigin, endpoints: {python, ruby}}
//   *   /__backends/<name>/…       → that backend (a reverse proxy, so the element's request
//                                    is same-origin and carries the page's cookies)
//
// The element's iframe loads straight from the emulator's origin: truly cross-origin.
import {randomBytes} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Plugin} from '@web/dev-server-core';
import {startEmulator, type RunningEmulator} from '../../emulator/src/index.js';
import {proxy} from './demo-plugin.js';
import {BACKEND_NAMES, startBackend, type RunningBackend} from '../backends/backend-process.js';

interface BackendStack {
  emulator: RunningEmulator;
  backends: Map<string, RunningBackend>;
}

const ENDPOINT = '/api/metabase/embed';
const PROXY_PATH = /^\/__backends\/([a-z]+)(\/.*)$/;

async function startStack(testOrigin: string): Promise<BackendStack> {
  const secretKey = randomBytes(32).toString('hex');
  const emulator = await startEmulator({secretKey});
  const env = {METABASE_SITE_URL: emulator.url, METABASE_SECRET_KEY: secretKey, ALLOWED_ORIGINS: testOrigin};
  const started = await Promise.allSettled(BACKEND_NAMES.map((name) => startBackend(name, env)));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all([emulator.close(), ...started.map((s) => (s.status === 'fulfilled' ? s.value.close() : null))]);
    throw failed.reason;
  }
  const backends = started.map((result) => (result as PromiseFulfilledResult<RunningBackend>).value);
  return {emulator, backends: new Map(backends.map((backend) => [backend.name, backend]))};
}

export function backendsPlugin(): Plugin {
  let stack: Promise<BackendStack> | undefined;
  let testOrigin = '';

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string, search: string) {
    stack ??= startStack(testOrigin);
    const {emulator, backends} = await stack;
    const proxied = PROXY_PATH.exec(pathname);
    if (!proxied) {
      const endpoints = Object.fromEntries(BACKEND_NAMES.map((name) => [name, `/__backends/${name}${ENDPOINT}`]));
      res.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
      res.end(JSON.stringify({origin: testOrigin, emulatorOrigin: emulator.url, endpoints}));
      return;
    }
    const backend = backends.get(proxied[1]!);
    if (!backend) {
      res.writeHead(404, {'Content-Type': 'text/plain'}).end(`backends plugin: no backend ${proxied[1]}`);
      return;
    }
    await proxy(
      req,
      res,
      new URL(`${proxied[2]}${search}`, new URL(backend.url).origin),
      `/__backends/${backend.name}`,
    );
  }

  return {
    name: 'backends',
    serverStart({server, config}) {
      if (!server) throw new Error("The backends plugin needs the dev server's own HTTP server.");
      testOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      // Ahead of the dev server (Koa composes its middleware once): only this plugin's
      // paths are answered here, everything else goes on untouched.
      const devServer = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
      server.removeAllListeners('request');
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const {pathname, search} = new URL(req.url ?? '/', testOrigin);
        if (pathname !== '/__servers/backends.json' && !PROXY_PATH.test(pathname)) {
          for (const listener of devServer) listener(req, res);
          return;
        }
        handle(req, res, pathname, search).catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500, {'Content-Type': 'text/plain'});
          res.end(`backends plugin: ${error instanceof Error ? error.message : String(error)}`);
        });
      });
    },
    async serverStop() {
      const running = await stack?.catch(() => undefined);
      stack = undefined;
      if (running)
        await Promise.all([running.emulator.close(), ...[...running.backends.values()].map((b) => b.close())]);
    },
  };
}
