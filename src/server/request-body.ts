// Reads and checks the element's request body: at most 16 KB of UTF-8 JSON shaped
// {"resource": {"dashboard": 12}, "params": {...}}, arriving whole before a deadline.
import {EmbedValidationError} from './validation-error.js';
import {isGuestRequest, parseGuestRequest} from './guest-request.js';
import {HttpError} from './http-error.js';
import {parseParams, type EmbedParamValue} from './token-params.js';
import {parseResource, type ParsedResource} from './token-resource.js';
import {isPlainObject} from './values.js';

export const MAX_BODY_BYTES = 16 * 1024;
/** How long a body may take to arrive, in seconds, unless `bodyTimeout` says otherwise. */
export const DEFAULT_BODY_TIMEOUT = 10;

export interface EmbedRequestBody {
  resource: ParsedResource;
  params: Record<string, EmbedParamValue>;
  /** Set for a Metabase guest embed's request (guest-request.ts), which sends no params. */
  guest?: {customContext: unknown} | undefined;
}

function tooLarge(): HttpError {
  return new HttpError(413, `Request body must be at most ${MAX_BODY_BYTES} bytes`);
}

/**
 * Stops reading as soon as the limit is passed, whatever Content-Length claimed, or when the
 * body has not arrived whole after `timeoutMs` (a client trickling bytes must not hold a
 * request open).
 */
export async function readBodyText(request: Request, timeoutMs = DEFAULT_BODY_TIMEOUT * 1000): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (request.bodyUsed) {
    // Host code read it first: a bug on the server (answered 500), not the visitor's fault.
    throw new Error(
      'The request body was read before the embed handler; authorize and locked resolvers may read its headers only',
    );
  }
  if (request.body === null) return '';
  return decodeUtf8(await readAtMost(request.body, MAX_BODY_BYTES, timeoutMs));
}

async function readAtMost(body: ReadableStream<Uint8Array>, limit: number, timeoutMs: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array> | 'late';
      try {
        next = await Promise.race([reader.read(), deadline]);
      } catch {
        throw new HttpError(400, 'Request body could not be read to its end');
      }
      if (next === 'late') {
        reader.cancel().catch(() => undefined);
        throw new HttpError(408, `Request body did not arrive within ${timeoutMs / 1000} s`);
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    throw new HttpError(400, 'Request body is not valid UTF-8');
  }
}

export function parseEmbedRequest(text: string): EmbedRequestBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
  if (!isPlainObject(json)) {
    throw new HttpError(400, 'Request body must be a JSON object like {"resource": {"dashboard": 12}, "params": {}}');
  }
  try {
    if (isGuestRequest(json)) {
      const {resource, customContext} = parseGuestRequest(json);
      return {resource, params: {}, guest: {customContext}};
    }
    return {
      resource: parseResource(json['resource']),
      params: parseParams(json['params'] === undefined ? {} : json['params']),
    };
  } catch (error) {
    if (error instanceof EmbedValidationError) throw new HttpError(400, error.message);
    throw error;
  }
}
