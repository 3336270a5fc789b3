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
import {EmbedValidationError} from './errors.js';
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
import {resourceKey} from './resource.js';
import {errorResponse, internalErrorResponse, jsonResponse} from './responses.js';
import {embedClaims, embedUrl, importSigningKey, signClaims} from './sign.js';

/**
 * Where a request failed with 500: the host's `authorize`, reading the request, its locked
 * resolver, signing, or checking the token with Metabase.
 */
export type EmbedErrorStage = 'authorize' | 'request' | 'locked' | 'sign' | 'check';

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

export type EmbedHandler<TContext = unknown> = (request: Request, context?: TContext) => Promise<Response>;

/**
 * Builds the endpoint. Throws at once, naming the option, when the configuration is
 * missing or malformed, so a bad deployment fails at startup.
 */
export function createEmbedHandler<TContext = unknown>(options: EmbedHandlerOptions<TContext>): EmbedHandler<TContext> {
  const siteUrl = parseSiteUrl(requiredSetting(options.siteUrl, 'siteUrl', 'METABASE_SITE_URL'));
  const secretKey = secretKeySource(options.secretKey);
  const policies = compileResources<TContext>(options.resources);
  const allowedOrigins = parseAllowedOrigins(options.allowedOrigins);
  const expiresIn = parseExpiresIn(options.expiresIn ?? DEFAULT_EXPIRES_IN);
  const bodyTimeoutMs = parseBodyTimeout(options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT) * 1000;
  const clock = options.now ?? (() => new Date());
  const checkTimeoutMs = parseMetabaseCheck(options.checkWithMetabase);
  const check = checkTimeoutMs === undefined ? undefined : createMetabaseCheck(siteUrl, checkTimeoutMs);
  const report = reporter(options.onError);
  // One imported key per secret: a rotated secret imports its own once.
  let signingKey: {secret: string; key: Promise<CryptoKey>} | undefined;

  const answer: EmbedHandler<TContext> = async (request, context) => {
    let info: EmbedErrorInfo = {stage: 'authorize'};
    try {
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
      const claims = embedClaims(body.resource, mergeParams(editable, locked), expiresIn, epochSeconds(clock()));
      const secret = secretKey();
      if (signingKey?.secret !== secret) signingKey = {secret, key: importSigningKey(secret)};
      const token = await signClaims(claims, await signingKey.key);

      info = {stage: 'check', resource: key};
      if (check) await check(body.resource, token);
      // A guest embed gets the shape Metabase's embed.js checks, {jwt}; the element also the URL and expiry.
      if (body.guest) return jsonResponse(200, {jwt: token});
      return jsonResponse(200, {url: embedUrl(siteUrl, body.resource, token), token, expiresAt: claims.exp});
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.message, error.headers);
      report(error, info);
      return internalErrorResponse();
    }
  };
  if (allowedOrigins === undefined) return answer;
  return async (request, context) => {
    if (request.method === 'OPTIONS') return preflightResponse(request, allowedOrigins);
    return withCors(await answer(request, context), request, allowedOrigins);
  };
}

/** The secret as a function read per token; a fixed one (or the environment's) is checked once. */
function secretKeySource(option: string | (() => string) | undefined): () => string {
  if (typeof option === 'function') {
    parseSecretKey(option(), 'secretKey()');
    return () => parseSecretKey(option(), 'secretKey()');
  }
  const fixed = parseSecretKey(requiredSetting(option, 'secretKey', 'METABASE_SECRET_KEY'));
  return () => fixed;
}

function requiredSetting(value: string | undefined, option: string, variable: string): string {
  const setting = value ?? readEnv(variable);
  if (setting === undefined) {
    throw new EmbedValidationError(option, `${option} is missing: pass it to createEmbedHandler or set ${variable}`);
  }
  return setting;
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
        console.error(`metabase-embed/server: answered 500 (${where}); pass onError to createEmbedHandler for details`);
      }
    } catch {
      // A failing error hook must not turn a clean 500 into a crash.
    }
  };
}
