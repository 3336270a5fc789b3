// The demo's host app: a plain node:http server, as small as a real one would be.
//
//   GET  /, /question, /lazy, /script-tag, /embed-panel   the demo pages (a first visit signs in the first user)
//   POST /session                           "signed in as": switches the pretend user
//   GET  /session                           the signed-in user, as JSON
//   POST /api/metabase/embed                the element's token endpoint (metabase-embed/server)
//   POST /secret                            regenerates the emulator's secret (when the demo runs one)
//   POST /api/metabase/embed-panel          the Embed panel's preview, signed with the chosen policy
//   GET  /dist/…, /node_modules/…, /assets/…  the element's build, its imports, the pages' assets
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {createEmbedHandler, toNodeHandler} from 'metabase-embed/server';
import {answerClientError, parseRequestTarget, unusableTargetMessage} from '../src/server/request-target.js';
import type {DemoContent} from './content.js';
import {BodyTooLargeError, closeServer, listen, originOf, readBody, send, sendJson} from '../support/http.js';
import {loopbackAliases} from './hosts.js';
import {dashboardPage} from './pages/dashboard.js';
import {embedPanelPage} from './pages/embed-panel.js';
import {panelPreview, PANEL_PREVIEW_ENDPOINT} from './pages/embed-panel-endpoint.js';
import {panelItems} from './pages/embed-panel-items.js';
import {contentSecurityPolicy, PAGES, type PageContext, type PagePath} from './pages/layout.js';
import {lazyPage} from './pages/lazy.js';
import {questionPage} from './pages/question.js';
import {scriptTagPage} from './pages/script-tag.js';
import {embedPolicy, type DemoRequestContext} from './policy.js';
import {SessionStore, type DemoUser} from './session.js';
import {readStaticFile} from './static-files.js';

export const TOKEN_ENDPOINT = '/api/metabase/embed';

export interface DemoLogEntry {
  /** `token` for the element's token endpoint, `session` for a user switch. */
  kind: 'token' | 'session';
  status: number;
  user?: string;
  tenant?: string;
}

/** What a caller may tune about the host app's token endpoint and its log. */
export interface HostAppTuning {
  /** Token lifetime in seconds (the server helper's default: 600, Metabase's snippets' value). */
  expiresIn?: number;
  /** Origins besides the app's own that may call the token endpoint, e.g. a reverse proxy's. */
  extraOrigins?: readonly string[];
  /** The token signer's clock (default: the real one); tests move it to make tokens old. */
  now?: () => Date;
  log?: (entry: DemoLogEntry) => void;
  /**
   * Ask Metabase about every token before answering (createEmbedHandler's checkWithMetabase),
   * so the element itself shows a refusal such as an unpublished item. `npm start` turns it on.
   */
  checkWithMetabase?: boolean;
}

export interface HostAppOptions extends HostAppTuning {
  host: string;
  /** Ports to try in order; the first free one is used (0: any free port). */
  ports: readonly number[];
  content: DemoContent;
  siteUrl: string;
  /** A function is read for every token (the emulator's secret can be regenerated). */
  secretKey: string | (() => string);
  /** Regenerates the secret on both sides, when the demo started its own emulator. */
  regenerateSecret?: () => void;
}

export interface HostApp {
  url: string;
  close(): Promise<void>;
}

const PAGE_RENDERERS: Record<PagePath, (context: PageContext) => string> = {
  '/': dashboardPage,
  '/question': questionPage,
  '/lazy': lazyPage,
  '/script-tag': scriptTagPage,
  '/embed-panel': embedPanelPage,
};

const isPagePath = (path: string): path is PagePath => Object.hasOwn(PAGE_RENDERERS, path);

export async function startHostApp(options: HostAppOptions): Promise<HostApp> {
  const server = createServer();
  server.on('clientError', answerClientError);
  const port = await listen(server, options.host, options.ports);
  const origin = originOf(options.host, port);
  try {
    // The endpoint's allowed origin includes the port, so it is made once the port is known.
    server.on('request', createRequestListener(options, origin, loopbackAliases(options.host, port)));
  } catch (error) {
    await closeServer(server); // e.g. a malformed secret key: nothing may keep listening
    throw error;
  }
  return {url: `${origin}/`, close: () => closeServer(server)};
}

function createRequestListener(options: HostAppOptions, origin: string, aliases: readonly string[]) {
  const {content, log} = options;
  const sessions = new SessionStore(content.users);
  const allowedOrigins = [origin, ...aliases, ...(options.extraOrigins ?? [])];
  const csp = contentSecurityPolicy(new URL(options.siteUrl).origin);
  const describe = (user: DemoUser | undefined) => user && {user: user.name, tenant: user.tenant.name};

  const tokenEndpoint = toNodeHandler(
    createEmbedHandler<DemoRequestContext>({
      siteUrl: options.siteUrl,
      secretKey: options.secretKey,
      resources: embedPolicy(content),
      authorize: (context) => context.user !== undefined,
      allowedOrigins,
      expiresIn: options.expiresIn,
      now: options.now,
      checkWithMetabase: options.checkWithMetabase,
    }),
    (req: IncomingMessage): DemoRequestContext => ({user: sessions.userFromCookies(req.headers.cookie)}),
  );

  const previewEndpoint = panelPreview({
    siteUrl: options.siteUrl,
    secretKey: options.secretKey,
    items: panelItems(content),
    allowedOrigins,
  });

  function servePage(req: IncomingMessage, res: ServerResponse, path: PagePath) {
    let user = sessions.userFromCookies(req.headers.cookie);
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
    };
    if (!user) {
      user = sessions.defaultUser;
      headers['Set-Cookie'] = sessions.signIn(user);
    }
    const context: PageContext = {
      content,
      user,
      users: sessions.users,
      endpoint: TOKEN_ENDPOINT.slice(1),
      canRegenerateSecret: options.regenerateSecret !== undefined,
    };
    send(res, 200, PAGE_RENDERERS[path](context), headers);
  }

  /** A form posted from the demo's own pages (a cross-site form is refused), or undefined when answered. */
  async function ownForm(req: IncomingMessage, res: ServerResponse): Promise<URLSearchParams | undefined> {
    if (req.headers.origin !== undefined && !allowedOrigins.includes(req.headers.origin)) {
      send(res, 403, 'This form only accepts requests from the demo pages.');
      return undefined;
    }
    try {
      return new URLSearchParams(await readBody(req, 1024));
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      send(res, 413, error.message);
      return undefined;
    }
  }

  /** Back to the page a form was on; only the demo's own pages, never an open redirect. */
  function backTo(res: ServerResponse, form: URLSearchParams, headers: Record<string, string> = {}) {
    const page = PAGES.find((entry) => entry.path === form.get('return')) ?? PAGES[0];
    send(res, 303, '', {...headers, Location: `./${page.link === './' ? '' : page.link}`});
  }

  async function regenerateSecret(req: IncomingMessage, res: ServerResponse) {
    if (!options.regenerateSecret) return send(res, 404, 'Not found.');
    const form = await ownForm(req, res);
    if (!form) return;
    options.regenerateSecret();
    if (req.headers.accept?.includes('application/json')) return sendJson(res, 200, {regenerated: true});
    backTo(res, form);
  }

  async function switchUser(req: IncomingMessage, res: ServerResponse) {
    // A cross-site form must not sign the visitor in as someone else.
    const form = await ownForm(req, res);
    if (!form) return;
    const user = sessions.findUser(form.get('user'));
    if (!user) {
      log?.({kind: 'session', status: 400});
      return send(res, 400, `Unknown user. Choose one of: ${sessions.users.map((known) => known.id).join(', ')}.`);
    }
    const cookie = sessions.signIn(user);
    log?.({kind: 'session', status: 200, ...describe(user)});
    if (req.headers.accept?.includes('application/json')) {
      return sendJson(res, 200, {user}, {'Set-Cookie': cookie});
    }
    backTo(res, form, {'Set-Cookie': cookie});
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = parseRequestTarget(req.url);
    if (!target) return send(res, 400, unusableTargetMessage(req.url));
    const {pathname} = target;
    const method = req.method ?? 'GET';
    if (pathname === TOKEN_ENDPOINT) {
      const user = sessions.userFromCookies(req.headers.cookie);
      res.once('finish', () => log?.({kind: 'token', status: res.statusCode, ...describe(user)}));
      return tokenEndpoint(req, res);
    }
    if (pathname === PANEL_PREVIEW_ENDPOINT && method === 'POST') {
      const user = sessions.userFromCookies(req.headers.cookie);
      res.once('finish', () => log?.({kind: 'token', status: res.statusCode, ...describe(user)}));
      return previewEndpoint(req, res, user);
    }
    if (pathname === '/session' && method === 'POST') return switchUser(req, res);
    if (pathname === '/secret' && method === 'POST') return regenerateSecret(req, res);
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'Method not allowed.', {Allow: 'GET, HEAD'});
    if (pathname === '/session')
      return sendJson(res, 200, {user: sessions.userFromCookies(req.headers.cookie) ?? null});
    if (isPagePath(pathname)) return servePage(req, res, pathname);
    const file = await readStaticFile(pathname);
    if (file) return send(res, 200, method === 'HEAD' ? '' : file.body, {'Content-Type': file.contentType});
    send(res, 404, 'Not found.');
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      console.error('demo host app:', error);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.destroy();
    });
  };
}
