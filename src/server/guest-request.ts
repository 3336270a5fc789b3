// Metabase's guest embeds (`<metabase-dashboard>` / `<metabase-question>` from the instance's
// embed.js) ask the host's `guestEmbedProviderUri` for a token with
// `POST …?response=json` and `{"entityType": "dashboard", "entityId": 12, "customContext": …}`,
// and take `{"jwt": "…"}` back (Metabase's e2e test
// e2e/test/scenarios/embedding/sdk-iframe-embedding/guest-token-refresh.cy.spec.ts sends it so).
// The token is a static embed's: the same claims, the same secret.
import {EmbedValidationError} from './validation-error.js';
import {parseResourceId, type ParsedResource} from './token-resource.js';
import {describeValue} from './values.js';

export interface GuestEmbedRequest {
  resource: ParsedResource;
  /** The `custom-context` attribute as given (a string, or the object its JSON parses to): browser input. */
  customContext: unknown;
}

/** Whether a request body is the guest-embed shape rather than the element's `{resource, params}`. */
export const isGuestRequest = (json: Record<string, unknown>) => Object.hasOwn(json, 'entityType');

export function parseGuestRequest(json: Record<string, unknown>): GuestEmbedRequest {
  if (Object.hasOwn(json, 'resource') || Object.hasOwn(json, 'params')) {
    throw new EmbedValidationError(
      'entityType',
      'Request body must be either {"resource", "params"} or {"entityType", "entityId", "customContext"}, not both',
    );
  }
  const type = json['entityType'];
  if (type !== 'dashboard' && type !== 'question') {
    throw new EmbedValidationError(
      'entityType',
      `entityType must be "dashboard" or "question", got ${describeValue(type)}`,
    );
  }
  // The same id rules as the element's resource: a positive integer or a 21-character entity id.
  const id = parseResourceId(json['entityId'], 'entityId');
  return {resource: {type, id}, customContext: json['customContext']};
}
