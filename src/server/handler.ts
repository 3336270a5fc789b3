// createEmbedHandler: the element's token endpoint as a web-standard
// `(request: Request, context?) => Promise<Response>` that enforces the host's policy.
import {
  DEFAULT_EXPIRES_IN,
  epochSeconds,
  parseBodyTimeout,
  parseExpiresIn,
  parseSecretKey,
  parseSiteUrl,
  readEnv,
} from './config.js';
import {preflightResponse, withCors} from './cors.js';
import {EmbedValidationError} from './validation-error.js';
import {HttpError} from './http-error.js';
import {createMetabaseCheck, parseMetabaseCheck, type MetabaseCheckOptions} from './metabase-check.js';
import {
  compileResources,
  mergeParams,
  pickEditableParams,
  resolveLockedParams,
  type EmbedRequestDetails,
  type EmbedResources,
} from './policy.js';
import {DEFAULT_BODY_TIMEOUT, parseEmbedRequest, readBodyText} from './request-body.js';
import {checkContentType, checkFetchSite, checkMethod, checkOrigin, parseAllowedOrigins} from './request-checks.js';
import {parsePageEmbed, tagAttributes, type EmbedAttributes, type PageEmbed} from './first-token.js';
import type {EmbedParamValue} from './token-params.js';
import {resourceKey, type ParsedResource} from './token-resource.js';
import {errorResponse, internalErrorResponse, jsonResponse} from './responses.js';
import {embedClaims, embedUrl, importSigningKey, signClaims} from './sign.js';

/**
 * Where a request failed with 500: a setting read from the environment, the host's
 * `authorize`, reading the request, its locked resolver, signing, or checking the token with
 * Metabase.
 */
export type EmbedErrorStage = 'config' | 'authorize' | 'request' | 'locked' | 'sign' | 'check';

export interface EmbedErrorInfo {
  stage: EmbedErrorStage;
  /** `"dashboard:12"`, once the request named a listed item. */
  resource?: string | undefined;
}

export interface EmbedHandlerOptions<TContext = unknown> {
  /** Metabase's address; default `METABASE_SITE_URL`. */
  siteUrl?: string | undefined;
  /**
   * Metabase's embedding secret key (64 hex characters); default `METABASE_SECRET_KEY`. A
   * function is read for every token, so a regenerated key (Metabase's "Regenerate key")
   * takes effect without a restart; it is checked once at creation and then on each use.
   */
  secretKey?: string | (() => string) | undefined;
  /** The allow-list, keyed `"dashboard:12"` / `"question:<id>"`. Anything else is a 403. */
  resources: EmbedResources<TContext>;
  /**
   * Must return exactly `true` (or a promise of it) to go on; anything else is a 401.
   * Runs before the body is read; it may use the request's headers, not its body.
   */
  authorize?: ((context: TContext, request: Request) => boolean | Promise<boolean>) | undefined;
  /**
   * When set, a request whose `Origin` is not listed (or missing) is a 403, and the listed
   * origins get CORS: their preflight is granted (POST, `Content-Type`, credentials) and every
   * answer to them carries `Access-Control-Allow-Origin` with their exact origin.
   */
  allowedOrigins?: readonly string[] | undefined;
  /** Token lifetime in seconds, 1 to 86400; default 600. */
  expiresIn?: number | undefined;
  /** Seconds the request body may take to arrive whole (above 0, at most 300); default 10, then 408. */
  bodyTimeout?: number | undefined;
  /**
   * Ask Metabase before answering (one GET of the item with the new token, server to server):
   * when Metabase refuses the embed (unpublished item, embedding off, a wrong secret), the
   * element gets a 424 with Metabase's message and shows it, instead of a frame that shows
   * it where the host page cannot see. A Metabase that fails is a 502, one that does not
   * answer within `timeout` seconds (default 5) a 504; the element retries both. Off by default.
   */
  checkWithMetabase?: boolean | MetabaseCheckOptions | undefined;
  /** Receives the details of every 500 (the answer itself stays generic). */
  onError?: ((error: unknown, info: EmbedErrorInfo) => void) | undefined;
  /** The clock, for tests; default `() => new Date()`. */
  now?: (() => Date) | undefined;
}

export interface EmbedHandler<TContext = unknown> {
  (request: Request, context?: TContext): Promise<Response>;
  /**
   * Signs the first token of a server-rendered page through the same allow-list and locked
   * values as the endpoint, and returns the tag's attributes (see first-token.ts).
   */
  embedAttributes(embed: PageEmbed, context?: TContext): Promise<EmbedAttributes>;
}

/**
 * Builds the endpoint. Throws at once, naming the option, when an option passed is missing or
 * malformed, so a bad deployment fails at startup. Settings read from the environment are
 * read at the first request instead: Next.js and other bundlers import route modules while
 * they build, where the deployment's environment is not set.
 */
export function createEmbedHandler<TContext = unknown>(options: EmbedHandlerOptions<TContext>): EmbedHandler<TContext> {
  const siteUrl = setting(options.siteUrl, 'siteUrl', 'METABASE_SITE_URL', (value) => parseSiteUrl(value));
  const secretKey = secretKeySource(options.secretKey);
  // A secretKey function is read once per token, when signing (a rotated key applies at once);
  // a key from the environment is checked before anything else of the request.
  const checkSecretSetting = typeof options.secretKey === 'function' ? () => undefined : secretKey;
  const policies = compileResources<TContext>(options.resources);
  const allowedOrigins = parseAllowedOrigins(options.allowedOrigins);
  const expiresIn = parseExpiresIn(options.expiresIn ?? DEFAULT_EXPIRES_IN);
  const bodyTimeoutMs = parseBodyTimeout(options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT) * 1000;
  const clock = options.now ?? (() => new Date());
  const checkTimeoutMs = parseMetabaseCheck(options.checkWithMetabase);
  let check: ReturnType<typeof createMetabaseCheck> | undefined;
  const report = reporter(options.onError);
  // One imported key per secret: a rotated secret imports its own once.
  let signingKey: {secret: string; key: Promise<CryptoKey>} | undefined;

  /** Signs `params` (already checked against the policy) for `resource`; the token and its exp. */
  async function sign(resource: ParsedResource, params: Record<string, EmbedParamValue>) {
    const claims = embedClaims(resource, params, expiresIn, epochSeconds(clock()));
    const secret = secretKey();
    if (signingKey?.secret !== secret) signingKey = {secret, key: importSigningKey(secret)};
    return {token: await signClaims(claims, await signingKey.key), exp: claims.exp};
  }

  const handler = async (request: Request, context?: TContext): Promise<Response> => {
    let info: EmbedErrorInfo = {stage: 'config'};
    try {
      const site = siteUrl();
      checkSecretSetting();
      if (checkTimeoutMs !== undefined) check ??= createMetabaseCheck(site, checkTimeoutMs);

      info = {stage: 'authorize'};
      checkMethod(request);
      checkOrigin(request, allowedOrigins);
      checkFetchSite(request, allowedOrigins);
      checkContentType(request);
      if (options.authorize && (await options.authorize(context as TContext, request)) !== true) {
        throw new HttpError(401, 'Not authorized to view this embed');
      }

      info = {stage: 'request'};
      const body = parseEmbedRequest(await readBodyText(request, bodyTimeoutMs));
      const key = resourceKey(body.resource);
      const policy = policies.get(key);
      if (policy === undefined) throw new HttpError(403, `${key} is not in this server's list of embeddable items`);
      const editable = pickEditableParams(policy, body.params);

      info = {stage: 'locked', resource: key};
      const details: EmbedRequestDetails = body.guest ? {kind: 'guest', ...body.guest} : {kind: 'static'};
      const locked = await resolveLockedParams(policy, context as TContext, request, details);

      info = {stage: 'sign', resource: key};
      const {token, exp} = await sign(body.resource, mergeParams(editable, locked));

      info = {stage: 'check', resource: key};
      if (check) await check(body.resource, token);
      // A guest embed gets the shape Metabase's embed.js checks, {jwt}; the element also the URL and expiry.
      if (body.guest) return jsonResponse(200, {jwt: token});
      return jsonResponse(200, {url: embedUrl(site, body.resource, token), token, expiresAt: exp});
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.message, error.headers);
      report(error, info);
      return internalErrorResponse();
    }
  };
  // With allowedOrigins, the listed origins get CORS (cors.ts); without, no origin does.
  const answer =
    allowedOrigins === undefined
      ? handler
      : async (request: Request, context?: TContext): Promise<Response> => {
          if (request.method === 'OPTIONS') return preflightResponse(request, allowedOrigins);
          return withCors(await handler(request, context), request, allowedOrigins);
        };

  return Object.assign(answer, {
    embedAttributes: async (embed: PageEmbed, context?: TContext): Promise<EmbedAttributes> => {
      const site = siteUrl();
      const {resource, params} = parsePageEmbed(embed);
      const key = resourceKey(resource);
      const policy = policies.get(key);
      if (policy === undefined)
        throw new EmbedValidationError('resource', `${key} is not in the handler's resources (the allow-list)`);
      let editable;
      try {
        editable = pickEditableParams(policy, params);
      } catch (error) {
        throw error instanceof HttpError ? new EmbedValidationError('params', error.message) : error;
      }
      const locked = await resolveLockedParams(policy, context as TContext, undefined, {kind: 'static'});
      const {token} = await sign(resource, mergeParams(editable, locked));
      return tagAttributes(resource, params, site, token);
    },
  });
}

/** The secret as a function read per token; a fixed one is checked at once, the environment's at first use. */
function secretKeySource(option: string | (() => string) | undefined): () => string {
  if (typeof option === 'function') {
    parseSecretKey(option(), 'secretKey()');
    return () => parseSecretKey(option(), 'secretKey()');
  }
  return setting(option, 'secretKey', 'METABASE_SECRET_KEY', (value) => parseSecretKey(value));
}

/**
 * A setting passed as an option is checked now (and throws); one left to the environment is
 * read and checked at its first use, once, and a missing or invalid value throws there, on
 * every use, naming the variable.
 */
function setting<T>(value: string | undefined, option: string, variable: string, parse: (value: string) => T): () => T {
  if (value !== undefined) {
    const parsed = parse(value);
    return () => parsed;
  }
  let read: {value: T} | {error: unknown} | undefined;
  return () => {
    read ??= readSetting(option, variable, parse);
    if ('error' in read) throw read.error;
    return read.value;
  };
}

function readSetting<T>(option: string, variable: string, parse: (value: string) => T): {value: T} | {error: unknown} {
  const value = readEnv(variable);
  if (value === undefined) {
    const message = `${option} is missing: pass it to createEmbedHandler or set ${variable}`;
    return {error: new EmbedValidationError(option, message)};
  }
  try {
    return {value: parse(value)};
  } catch (error) {
    if (!(error instanceof EmbedValidationError)) throw error;
    return {error: new EmbedValidationError(option, `${error.message} (read from ${variable})`)};
  }
}

/**
 * Details of a 500 go only to `onError`. Without one, a single line says where it failed
 * and how to see more, and carries no detail that could hold a value or a secret.
 */
function reporter(onError: EmbedHandlerOptions['onError']) {
  return (error: unknown, info: EmbedErrorInfo) => {
    try {
      if (onError) onError(error, info);
      else {
        const where = info.resource ? `${info.stage}, ${info.resource}` : info.stage;
        // A setting's message names it and what it allows, never its value: safe to print.
        const detail = info.stage === 'config' ? `: ${(error as Error).message}` : '';
        console.error(
          `metabase-embed/server: answered 500 (${where})${detail}; pass onError to createEmbedHandler for details`,
        );
      }
    } catch {
      // A failing error hook must not turn a clean 500 into a crash.
    }
  };
}
