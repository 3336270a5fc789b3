// toNodeHandler: the web-standard handler as a node:http listener and as Express/Connect
// middleware. It only touches the request and response objects it is given (typed
// structurally below), so importing it pulls in no Node module.
import type {EmbedHandler} from './handler.js';
import {errorResponse, internalErrorResponse} from './responses.js';
import {parseRequestTarget, unusableTargetMessage} from './request-target.js';

/** Methods a fetch `Request` cannot carry (the Fetch standard forbids them): answered 405. */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** What the adapter reads from a node:http `IncomingMessage` (or an Express request). */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  /** Express keeps the mounted path here. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Set when a body parser such as `express.json()` has already read the body. */
  body?: unknown;
  /** node:http streams: whether the body stream has been read to its end (by a body parser). */
  readableEnded?: boolean | undefined;
  /** node:http: whether the whole body has arrived. */
  complete?: boolean | undefined;
  /** node:http: 1 for HTTP/1.x, the only version with a Connection header. */
  httpVersionMajor?: number | undefined;
}

/** What the adapter writes on a node:http `ServerResponse` (or an Express response). */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent?: boolean;
  setHeader(name: string, value: string): unknown;
  end(chunk: Uint8Array): unknown;
}

export type NodeNext = (error?: unknown) => void;

/**
 * `(req, res, next?) => Promise<void>`. `getContext(req)` hands the session to the handler
 * (e.g. `(req) => ({user: req.user})`). Failures of `getContext` go to `next` when there is
 * one (Express's error handling), else become a generic 500 and one log line.
 */
export function toNodeHandler<TContext = unknown, TRequest extends NodeRequestLike = NodeRequestLike>(
  handler: EmbedHandler<TContext>,
  getContext?: (req: TRequest) => TContext | Promise<TContext>,
): (req: TRequest, res: NodeResponseLike, next?: NodeNext) => Promise<void> {
  return async (req, res, next) => {
    let response: Response | undefined = refusedRequestLine(req);
    if (response) return writeResponse(response, req, res).catch((error: unknown) => next?.(error));
    try {
      const context = getContext ? await getContext(req) : undefined;
      response = await handler(toWebRequest(req), context);
    } catch (error) {
      if (next) return next(error);
      // No error handling to hand it to: say where it failed, without the error's text.
      console.error(
        'metabase-embed/server: answered 500 (getContext or reading the request failed); pass next to see the error',
      );
      response = internalErrorResponse();
    }
    // A plain listener's rejected promise would crash the process: a failed write (the
    // socket is gone) goes to `next` or nowhere.
    await writeResponse(response, req, res).catch((error: unknown) => next?.(error));
  };
}

/**
 * A method or target a web `Request` cannot carry, answered here (a stranger can send
 * either; neither is a server failure). The handler itself answers every other method 405.
 */
function refusedRequestLine(req: NodeRequestLike): Response | undefined {
  const method = req.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    return errorResponse(405, `Method ${method} is not allowed: use POST`, {Allow: 'POST'});
  }
  const target = req.originalUrl ?? req.url;
  if (!parseRequestTarget(target)) return errorResponse(400, unusableTargetMessage(target));
  return undefined;
}

const BODY_PARSER_HEADERS = ['content-length', 'content-encoding', 'transfer-encoding'];

/**
 * Whether a body parser has read the body into `req.body`. Express 4's parsers (and some
 * apps) set `req.body = {}` on requests they skip, so a body counts only once the stream
 * has been read through; an object that is not a stream (`readableEnded` absent) is taken
 * at its word.
 */
function hasParsedBody(req: NodeRequestLike): boolean {
  return req.body !== undefined && req.readableEnded !== false;
}

function toWebRequest(req: NodeRequestLike): Request {
  const method = req.method ?? 'GET';
  const parsedBody = hasParsedBody(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2's pseudo-headers (:method, :path, …) are not headers, and Headers refuses them.
    if (value === undefined || name.startsWith(':')) continue;
    // A parsed body is re-serialized below, so the wire's length and encoding no longer apply.
    if (parsedBody && BODY_PARSER_HEADERS.includes(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const init: RequestInit & {duplex?: 'half'} = {method, headers};
  if (method !== 'GET' && method !== 'HEAD') {
    if (parsedBody) init.body = serializeParsedBody(req.body);
    else {
      init.body = streamOf(req);
      init.duplex = 'half';
    }
  }
  return new Request(requestUrl(req), init);
}

/**
 * The URL is informational (handlers never route on it). The target was checked by
 * refusedRequestLine; a bad Host header falls back to localhost.
 */
function requestUrl(req: NodeRequestLike): string {
  const target = parseRequestTarget(req.originalUrl ?? req.url) ?? new URL('http://target.invalid/');
  const host = typeof req.headers['host'] === 'string' ? req.headers['host'] : '';
  let origin = 'http://localhost';
  try {
    origin = new URL(`http://${host}`).origin;
  } catch {
    // keep localhost
  }
  return `${origin}${target.pathname}${target.search}`;
}

function serializeParsedBody(body: unknown): string | Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body); // e.g. express.raw()'s Buffer
  return JSON.stringify(body) ?? '';
}

/** Pulls chunks only as the handler reads, so an oversized body is never buffered whole. */
function streamOf(source: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next: IteratorResult<unknown, unknown> = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value instanceof Uint8Array ? next.value : encoder.encode(String(next.value)));
    },
  });
}

async function writeResponse(response: Response, req: NodeRequestLike, res: NodeResponseLike): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  if (res.headersSent) return;
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  // Answered before the body was read through (e.g. 413): close rather than leave the
  // rest of it in the connection for the next request's parser.
  if (req.complete === false && req.httpVersionMajor === 1) res.setHeader('Connection', 'close');
  res.end(body);
}
