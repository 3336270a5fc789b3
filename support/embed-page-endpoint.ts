// A real signing endpoint for browser tests, mounted on the TEST PAGE's origin by
// test/support/embed-page-plugin.ts (so `endpoint="/__test-endpoint/sign?…"` is same-origin, like a host app's).
//
//   POST /__test-endpoint/sign?<knobs>   body {resource, params}: signs an HS256 JWT with jose
//   GET  /__test-endpoint/log?session=ID  [{resource, params, receivedAt, contentType}]
//
// The knobs are parsed by parseKnobs below; test/support/embed-page.ts documents them for test authors.
// The secret stays in this process: the browser only ever sees signed tokens.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {SignJWT} from 'jose';
import {embedClaims} from './embed-page-claims.js';

export const endpointPrefix = '/__test-endpoint/';

export interface LoggedRequest {
  resource: unknown;
  params: unknown;
  /** ms since epoch, the browser-independent server clock */
  receivedAt: number;
  contentType: string | null;
}

export interface SigningEndpointOptions {
  /** Where the signed URLs point, e.g. the origin of an emulator serving its test page. */
  embedOrigin: string;
  /** Metabase's kind of secret: 64 hex characters, used as UTF-8 bytes. */
  secret: string;
}

type Shape = 'url' | 'token' | 'jwt';

/** Broken answers (see answerFault; text-plain is the normal answer labelled text/plain): each a 200 unless dropped. */
export const faults = ['drop', 'malformed-json', 'html', 'text-plain', 'huge'] as const;
type Fault = (typeof faults)[number];
type BodyFault = Exclude<Fault, 'text-plain'>;
/** Size of the `huge` answer: 50 MB of JSON. */
export const hugeAnswerBytes = 50 * 1024 * 1024;

interface Knobs {
  lifetime: number;
  status?: number | undefined;
  delayMs: number;
  shape?: Shape | undefined;
  height?: number | undefined;
  resizer?: false | 'max' | undefined;
  pageDelayMs?: number | undefined;
  skewSeconds: number;
  /** false: sign without `iat`, so the element must read the server's clock from `Date`. */
  iat?: false | undefined;
  retryAfter?: string | undefined;
  /** The `{error}` text of a `status` >= 300 answer. */
  error?: string | undefined;
  session?: string | undefined;
  /** Answer broken this way instead of signing. */
  fault?: Fault | undefined;
  /** Answer {url: answerUrl} instead of signing (a javascript: URL, a data: URL…). */
  answerUrl?: string | undefined;
  /** Sign for this resource, not the one asked for (JSON, e.g. {"dashboard":2}). */
  signAs?: unknown;
}

class KnobError extends Error {}

function integerKnob(
  query: URLSearchParams,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new KnobError(`?${name}= must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Reads the query knobs of a sign request; a bad one is a 400 that names it. */
export function parseKnobs(query: URLSearchParams): Knobs {
  const shape = query.get('shape');
  if (shape !== null && shape !== 'url' && shape !== 'token' && shape !== 'jwt') {
    throw new KnobError(`?shape= must be url, token or jwt, got "${shape}"`);
  }
  const resizer = query.get('resizer');
  if (resizer !== null && resizer !== 'false' && resizer !== 'max')
    throw new KnobError(`?resizer= must be false or max, got "${resizer}"`);
  const iat = query.get('iat');
  if (iat !== null && iat !== 'false') throw new KnobError(`?iat= only accepts "false", got "${iat}"`);
  const fault = query.get('fault');
  if (fault !== null && !(faults as readonly string[]).includes(fault)) {
    throw new KnobError(`?fault= must be one of ${faults.join(', ')}, got "${fault}"`);
  }
  const signAs = query.get('signAs');
  let signAsResource: unknown;
  try {
    signAsResource = signAs === null ? undefined : JSON.parse(signAs);
  } catch {
    throw new KnobError(`?signAs= must be a JSON resource such as {"dashboard":2}, got "${signAs}"`);
  }
  return {
    fault: (fault as Fault | null) ?? undefined,
    answerUrl: query.get('answerUrl') ?? undefined,
    signAs: signAsResource,
    lifetime: integerKnob(query, 'lifetime', 1) ?? 600,
    status: integerKnob(query, 'status', 200, 599),
    delayMs: integerKnob(query, 'delayMs', 0) ?? 0,
    shape: shape ?? undefined,
    height: integerKnob(query, 'height', 1),
    resizer: resizer === 'false' ? false : (resizer ?? undefined),
    pageDelayMs: integerKnob(query, 'pageDelayMs', 0),
    skewSeconds: integerKnob(query, 'skewSeconds', Number.MIN_SAFE_INTEGER) ?? 0,
    iat: iat === 'false' ? false : undefined,
    retryAfter: query.get('retryAfter') ?? undefined,
    error: query.get('error') ?? undefined,
    session: query.get('session') ?? undefined,
  };
}

/** The resource a request asked for, or a message saying what is wrong with it. */
function resourceKind(resource: unknown): string {
  if (typeof resource !== 'object' || resource === null) return 'body.resource must be an object';
  const keys = Object.keys(resource);
  if (keys.length !== 1 || (keys[0] !== 'dashboard' && keys[0] !== 'question')) {
    return 'body.resource must be {"dashboard": id} or {"question": id}';
  }
  const id = (resource as Record<string, unknown>)[keys[0]];
  if (typeof id !== 'number' && typeof id !== 'string') return `body.resource.${keys[0]} must be a number or a string`;
  return keys[0];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new KnobError('body larger than 1 MB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return; // the browser aborted while we waited
  res.writeHead(status, {'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers});
  res.end(JSON.stringify(body));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes a broken answer; `drop` hangs up without a status line, as a crashed server does. */
function answerFault(res: ServerResponse, fault: BodyFault) {
  if (res.destroyed) return;
  if (fault === 'drop') return res.socket?.destroy();
  const answers: Record<Exclude<BodyFault, 'drop' | 'huge'>, [string, string]> = {
    'malformed-json': ['application/json', '{"url": "http://127.0.0.1:9/embed/dashboard/a.b.c",'],
    html: ['text/html; charset=utf-8', '<!doctype html><title>Sign in</title><form action="/login"></form>'],
  };
  if (fault !== 'huge') {
    const [type, body] = answers[fault];
    res.writeHead(200, {'Content-Type': type, 'Cache-Control': 'no-store'});
    return res.end(body);
  }
  // {"url": "…", "padding": "aaaa…"}: valid JSON, 50 MB, streamed in 1 MB chunks.
  const head = '{"url":"http://127.0.0.1:9/embed/dashboard/a.b.c","padding":"';
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': String(hugeAnswerBytes)});
  res.write(head);
  let left = hugeAnswerBytes - head.length - 2;
  const pump = () => {
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    res.end('"}');
  };
  res.on('close', () => (left = 0));
  pump();
}

export function createSigningEndpoint({embedOrigin, secret}: SigningEndpointOptions) {
  const key = new TextEncoder().encode(secret);
  const logs = new Map<string, LoggedRequest[]>();

  function log(session: string | undefined, entry: LoggedRequest) {
    if (session === undefined) return;
    logs.set(session, [...(logs.get(session) ?? []), entry]);
  }

  async function sign(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    const receivedAt = Date.now();
    const knobs = parseKnobs(query);
    const contentType = req.headers['content-type'] ?? null;
    let body: {resource?: unknown; params?: unknown} = {};
    let bodyError: string | undefined;
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      bodyError = 'body must be JSON';
    }
    log(knobs.session, {resource: body?.resource, params: body?.params, receivedAt, contentType});
    if (knobs.delayMs > 0) await delay(knobs.delayMs);

    if (!contentType?.startsWith('application/json')) {
      return sendJson(res, 415, {error: `Content-Type must be application/json, got ${contentType ?? 'none'}`});
    }
    const kind = bodyError ?? resourceKind(body?.resource);
    if (kind !== 'dashboard' && kind !== 'question') return sendJson(res, 400, {error: kind});
    const params = body.params ?? {};
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      return sendJson(res, 400, {error: 'body.params must be an object'});
    }
    if (knobs.fault && knobs.fault !== 'text-plain') return answerFault(res, knobs.fault);
    if (knobs.answerUrl !== undefined) return sendJson(res, 200, {url: knobs.answerUrl});
    const retryHeaders: Record<string, string> = knobs.retryAfter ? {'Retry-After': knobs.retryAfter} : {};
    if (knobs.status !== undefined && knobs.status >= 300) {
      return sendJson(
        res,
        knobs.status,
        {error: knobs.error ?? `test endpoint answers ${knobs.status} as asked`},
        retryHeaders,
      );
    }

    // The server's clock, `skewSeconds` ahead of the browser's.
    const serverNow = Math.floor(receivedAt / 1000) + knobs.skewSeconds;
    const claims = embedClaims(knobs.signAs ?? body.resource, params, {
      height: knobs.height,
      resizer: knobs.resizer,
      delayMs: knobs.pageDelayMs,
    });
    const jwt = new SignJWT(claims)
      .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
      .setExpirationTime(serverNow + knobs.lifetime);
    if (knobs.iat !== false) jwt.setIssuedAt(serverNow);
    const token = await jwt.sign(key);
    const url = `${embedOrigin}/embed/${kind}/${token}`;
    const answers = {
      url: {url},
      token: {token, siteUrl: embedOrigin},
      jwt: {jwt: token},
    };
    const answer = knobs.shape ? answers[knobs.shape] : {url, token, expiresAt: (serverNow + knobs.lifetime) * 1000};
    sendJson(res, knobs.status ?? 200, answer, {
      ...retryHeaders,
      Date: new Date(serverNow * 1000).toUTCString(),
      ...(knobs.fault === 'text-plain' && {'Content-Type': 'text/plain'}),
    });
  }

  /** Handles the endpoint's paths; answers false (untouched) for any other request. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://test.invalid');
    if (!url.pathname.startsWith(endpointPrefix)) return false;
    const route = `${req.method} ${url.pathname.slice(endpointPrefix.length)}`;
    try {
      if (route === 'POST sign') await sign(req, res, url.searchParams);
      else if (route === 'GET log') sendJson(res, 200, logs.get(url.searchParams.get('session') ?? '') ?? []);
      else sendJson(res, 404, {error: `no ${route} on the test endpoint (POST sign, GET log)`});
    } catch (error) {
      sendJson(res, error instanceof KnobError ? 400 : 500, {error: String((error as Error).message ?? error)});
    }
    return true;
  }

  return {handle};
}
