/**
 * Thrown when an input to the signing helpers or to `createEmbedHandler` is refused.
 * `field` names the offending option or request field (e.g. `params.tenant`), and the
 * message says what it allows. Messages never contain the secret key.
 */
export class EmbedValidationError extends TypeError {
  override name = 'EmbedValidationError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
