// The one error type of the embed API. Metabase answers every /api/embed failure with
// HTTP 400 and the message as plain text (contract §4), so a message is all it carries.
export class EmbedError extends Error {
  override readonly name = 'EmbedError';
  readonly status = 400;
}

/** Shorthand for `throw new EmbedError(message)` in expression position. */
export function fail(message: string): never {
  throw new EmbedError(message);
}

export const NOT_FOUND = 'Not found.';
