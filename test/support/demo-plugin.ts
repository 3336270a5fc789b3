// @web/test-runner plugin for the end-to-end tests: the demo stack (emulator + host app,
// both on 127.0.0.1, port 0), one per scope, started on first use so that test files
// running side by side never share sessions, token logs or clocks.
//
//   GET  /__servers/demo.json, /__servers/demo/<scope>.json   where the scope's stack is
//   GET  /__servers/demo/<scope>/log.json                     its host app's request log
//   POST /__servers/demo/<scope>/clock  {"epochMs": n | null}  stops its clock at n (null: real time)
//   *    /__demo/<scope>/…             → the host app (a reverse proxy: the page, its
//                                        endpoint and its cookies on the test page's origin)
//   GET  /__demo-emulator/<scope>/…    → the emulator (its JSON API, for assertions)
//
// The element's iframe still loads straight from the emulator's own origin, so it stays
// truly cross-origin; only the host app is proxied, as a real site behind a proxy is.
import {request, type IncomingMessage, type ServerResponse} from 'node:http';
import type {Plugin} from '@web/dev-server-core';
import {answerAheadOfDevServer} from './ahead-of-dev-server.js';
import type {Demo, DemoLogEntry} from '../../demo/demo.js';

/** Short, so that renewal is exercised; tests move fake timers, never wait for it. */
export const E2E_TOKEN_LIFETIME = 20;

/**
 * What tests read and move on a stack: its host app's log, and its one clock, read by both
 * the token signer and the emulator (the real one until a test sets it).
 */
interface StackControls {
  log: DemoLogEntry[];
  clockMs: number | null;
}

interface DemoStack {
  demo: Demo;
  controls: StackControls;
}

const SCOPE = '([a-z0-9-]{1,40})';
const INFO_PATH = new RegExp(`^/__servers/demo(?:/${SCOPE})?\\.json$`);
const CONTROL_PATH = new RegExp(`^/__servers/demo/${SCOPE}/(log\\.json|clock)$`);
const PROXY_PATH = new RegExp(`^/(__demo|__demo-emulator)/${SCOPE}(/.*)$`);

/** Cookies the host app scopes to `/` are scoped to its mount path on the proxy's origin. */
function rescopeCookie(cookie: string, mountPath: string): string {
  return cookie.replace(/;\s*Path=\/(?=;|$)/i, `; Path=${mountPath}/`);
}

/** Forwards the request as it came (method, body, the browser's Origin and cookies). */
export function proxy(req: IncomingMessage, res: ServerResponse, target: URL, mountPath: string): Promise<void> {
  return new Promise((resolve) => {
    const outgoing = request(target, {method: req.method, headers: {...req.headers, host: target.host}}, (answer) => {
      const headers = {...answer.headers};
      if (headers['set-cookie'])
        headers['set-cookie'] = headers['set-cookie'].map((cookie) => rescopeCookie(cookie, mountPath));
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res).on('finish', resolve);
    });
    outgoing.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, {'Content-Type': 'text/plain'});
      res.end(`demo proxy: ${error.message}`);
      resolve();
    });
    req.pipe(outgoing);
  });
}

function sendJson(res: ServerResponse, value: unknown) {
  res.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'}).end(JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text);
}

export function demoPlugin(): Plugin {
  const stacks = new Map<string, Promise<DemoStack>>();
  let testOrigin = '';

  function stackFor(scope: string): Promise<DemoStack> {
    let stack = stacks.get(scope);
    if (!stack) {
      const controls: StackControls = {log: [], clockMs: null};
      stack = import('../../demo/demo.js')
        .then(({startDemo}) =>
          startDemo({
            port: 0,
            env: {}, // always the emulator, whatever the developer's shell has set
            expiresIn: E2E_TOKEN_LIFETIME,
            extraOrigins: [testOrigin],
            now: () => new Date(controls.clockMs ?? Date.now()),
            log: (entry) => controls.log.push(entry),
          }),
        )
        .then((demo) => ({demo, controls}));
      stacks.set(scope, stack);
    }
    return stack;
  }

  function info(scope: string, {demo}: DemoStack) {
    return {
      scope,
      origin: new URL(demo.url).origin,
      emulatorOrigin: demo.emulatorUrl,
      base: `/__demo/${scope}`,
      endpoint: `/__demo/${scope}/api/metabase/embed`,
      emulatorBase: `/__demo-emulator/${scope}`,
      tokenLifetime: E2E_TOKEN_LIFETIME,
      content: demo.content,
    };
  }

  const isDemoPath = (path: string) => [INFO_PATH, CONTROL_PATH, PROXY_PATH].some((pattern) => pattern.test(path));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', testOrigin);
    const infoMatch = INFO_PATH.exec(url.pathname);
    const control = CONTROL_PATH.exec(url.pathname);
    const proxied = PROXY_PATH.exec(url.pathname);
    if (infoMatch) {
      const scope = infoMatch[1] ?? 'default';
      sendJson(res, info(scope, await stackFor(scope)));
    } else if (control?.[2] === 'log.json') {
      sendJson(res, (await stackFor(control[1]!)).controls.log);
    } else if (control?.[2] === 'clock' && req.method === 'POST') {
      const {epochMs} = (await readJson(req)) as {epochMs: number | null};
      (await stackFor(control[1]!)).controls.clockMs = epochMs;
      res.writeHead(204).end();
    } else if (proxied) {
      const [, mount, scope, rest] = proxied as unknown as [string, string, string, string];
      const {demo} = await stackFor(scope);
      const origin = mount === '__demo' ? new URL(demo.url).origin : demo.emulatorUrl!;
      await proxy(req, res, new URL(`${rest}${url.search}`, origin), `/${mount}/${scope}`);
    } else {
      res.writeHead(405, {'Content-Type': 'text/plain'}).end('demo plugin: use POST for the clock');
    }
  }

  return {
    name: 'demo',
    serverStart({server, config}) {
      if (!server) throw new Error("The demo plugin needs the dev server's own HTTP server.");
      testOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      // Ahead of the dev server: the demo's paths are answered here, everything else goes on to Koa.
      const owns = (req: IncomingMessage) => isDemoPath(new URL(req.url ?? '/', testOrigin).pathname);
      answerAheadOfDevServer(server, owns, (req, res) => {
        handle(req, res).catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500, {'Content-Type': 'text/plain'});
          res.end(`demo plugin: ${error instanceof Error ? error.message : String(error)}`);
        });
      });
    },
    async serverStop() {
      const running = await Promise.allSettled(stacks.values());
      stacks.clear();
      const started = running.filter((stack) => stack.status === 'fulfilled');
      await Promise.all(started.map((stack) => stack.value.demo.close()));
    },
  };
}
