// The host server of the framework test apps (react18/, ssr/): the app's pages and files,
// and the token endpoint (metabase-embed/server) in front of a fresh emulator, with the
// demo's policy (demo/policy.ts): the editable filters of the sample dashboard, the
// tenant locked to the visitor's. There is no sign-in: every visitor is the demo's first user.
import {randomBytes} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {extname} from 'node:path';
import {createEmbedHandler, toNodeHandler} from 'metabase-embed/server';
import {startEmulator} from 'metabase-embed-emulator';
import {answerClientError, parseRequestTarget, unusableTargetMessage} from '../../../src/server/request-target.js';
import {emulatorContent} from '../../../demo/emulator-content.js';
import {closeServer, listen, originOf, send} from '../../../support/http.js';
import {embedPolicy, type DemoRequestContext} from '../../../demo/policy.js';
import {resolveInside, type StaticFile} from '../../../demo/static-files.js';

export const TOKEN_ENDPOINT = '/api/metabase/embed';

/** What the host answers for a GET: a page or file of the app, or undefined for a 404. */
export type AppFiles = (url: URL) => Promise<StaticFile | undefined>;

export interface FrameworkHostOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Called with each request to the token endpoint, e.g. to check what a custom `fetchToken` sends. */
  onTokenRequest?: (req: IncomingMessage) => void;
}

export interface FrameworkHost {
  /** The app, e.g. `http://127.0.0.1:4173/`. */
  url: string;
  emulatorUrl: string;
  /** The emulator's throwaway signing key, for tests that verify tokens on their own. */
  secretKey: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The files of a built app (Vite's output folder); `/` is its index.html. */
export function builtApp(dir: string): AppFiles {
  return async ({pathname}) => {
    const path = resolveInside(dir, pathname === '/' ? 'index.html' : pathname);
    if (path === undefined) return undefined;
    try {
      return {body: await readFile(path), contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream'};
    } catch {
      return undefined;
    }
  };
}

export async function startFrameworkHost(files: AppFiles, options: FrameworkHostOptions = {}): Promise<FrameworkHost> {
  const {host = '127.0.0.1', port = 0} = options;
  const secretKey = randomBytes(32).toString('hex');
  const emulator = await startEmulator({host, port: 0, secretKey});
  const content = emulatorContent(emulator.url, 'oss'); // the emulator's default plan
  const visitor: DemoRequestContext = {user: content.users[0]};
  const server = createServer();
  server.on('clientError', answerClientError);
  try {
    const origin = originOf(host, await listen(server, host, [port]));
    const tokenEndpoint = toNodeHandler(
      createEmbedHandler<DemoRequestContext>({
        siteUrl: emulator.url,
        secretKey,
        resources: embedPolicy(content),
        allowedOrigins: [origin],
      }),
      () => visitor,
    );
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const target = parseRequestTarget(req.url);
      if (!target) return send(res, 400, unusableTargetMessage(req.url));
      const url = new URL(`${origin}${target.pathname}${target.search}`);
      if (url.pathname === TOKEN_ENDPOINT) {
        options.onTokenRequest?.(req);
        void tokenEndpoint(req, res);
        return;
      }
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed.', {Allow: 'GET'});
      files(url).then(
        (file) => (file ? send(res, 200, file.body, {'Content-Type': file.contentType}) : send(res, 404, 'Not found.')),
        (error: unknown) => {
          console.error('framework host:', error);
          send(res, 500, 'Internal error.');
        },
      );
    });
    return {
      url: `${origin}/`,
      emulatorUrl: emulator.url,
      secretKey,
      close: async () => {
        await Promise.all([closeServer(server), emulator.close()]);
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
