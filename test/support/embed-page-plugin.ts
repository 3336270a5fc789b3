// @web/test-runner plugin: starts the fake Metabase embed page server (another origin) and mounts
// the real signing endpoint on the test page's origin. Browser tests reach both through
// embed-page.ts; the origin is also served at GET /__servers/embed-page.json (see servers.ts).
import {randomBytes} from 'node:crypto';
import type {Plugin} from '@web/dev-server-core';
import type {IncomingMessage, RequestListener, ServerResponse} from 'node:http';
import {startEmbedPageServer, type EmbedPageServer} from './embed-page-server.js';
import {createSigningEndpoint, endpointPrefix} from './embed-page-endpoint.js';

export function embedPagePlugin(): Plugin {
  let embedPage: EmbedPageServer | undefined;
  return {
    name: 'embed-page',
    async serverStart({server}) {
      if (!server) throw new Error('embed-page plugin: the test runner started no HTTP server');
      embedPage = await startEmbedPageServer();
      const endpoint = createSigningEndpoint({embedOrigin: embedPage.origin, secret: randomBytes(32).toString('hex')});
      // The endpoint answers before the dev server (Koa) sees the request, so none of its
      // caching or transform middleware touches the answers. Koa composes its middleware when
      // the server is created, which is why this is done on the HTTP server, not with app.use().
      const devServerListeners = server.listeners('request') as RequestListener[];
      server.removeAllListeners('request');
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        if (req.url?.startsWith(endpointPrefix)) void endpoint.handle(req, res);
        else for (const listener of devServerListeners) listener(req, res);
      });
    },
    async serverStop() {
      await embedPage?.close();
      embedPage = undefined;
    },
    serve(context) {
      if (context.path !== '/__servers/embed-page.json' || !embedPage) return undefined;
      return {body: JSON.stringify({origin: embedPage.origin}), type: 'json', headers: {'Cache-Control': 'no-store'}};
    },
  };
}
