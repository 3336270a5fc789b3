// The error types of the embed API. Metabase answers a refused /api/embed request with
// HTTP 400 and the message as plain text (emulator/README.md#errors), so a message is all it carries.
export class EmbedError extends Error {
  override readonly name: string = 'EmbedError';
  readonly status = 400;
}

/**
 * A query that ran and failed (e.g. a parameter value it cannot read). Metabase answers it
 * with a JSON body `{"status":"failed","error":…,"error_type":…}` instead of plain text;
 * `invalid-parameter` is one of the error types it shows in embeds (others become a
 * generic message).
 */
export class QueryFailedError extends EmbedError {
  override readonly name = 'QueryFailedError';
  readonly errorType = 'invalid-parameter';
}

/** Shorthand for `throw new QueryFailedError(message)` in expression position. */
export function failQuery(message: string): never {
  throw new QueryFailedError(message);
}

/** Shorthand for `throw new EmbedError(message)` in expression position. */
export function fail(message: string): never {
  throw new EmbedError(message);
}

export const NOT_FOUND = 'Not found.';

/** Metabase's answer (404, a JSON string) to a path none of its API routes takes. */
export const NO_ENDPOINT = 'API endpoint does not exist.';

/** Metabase's 400 text for a path parameter its endpoint's schema refuses. */
export const INVALID_ROUTE_PARAMS = 'Invalid route parameters';
