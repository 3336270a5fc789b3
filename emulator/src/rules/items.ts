// From checked token claims to a published item, with Metabase's checks in Metabase's
// order: the resource id, the global switch, existence, archive, the item's own switch.
import {isPlainObject, ownValue} from './plain-object.js';
import {fail, NOT_FOUND} from './api-errors.js';
import type {ContentStore} from '../content/store.js';
import type {DashboardDef, QuestionDef} from '../content/schema.js';
import type {EmbedClaims} from './token.js';

const ENTITY_ID = /^[A-Za-z0-9_-]{21}$/;

/** Dashboards are `dashboard` in tokens; questions are `question` (Metabase calls them cards). */
export type ResourceKind = 'dashboard' | 'question';

const RESOURCE_KINDS: readonly string[] = ['dashboard', 'question'];

/**
 * Metabase's token schema closes the `resource` map over `question` and `dashboard`, so a
 * `document` (or any other key), alone or beside them, is refused before any endpoint reads
 * the id. The text is Malli's, as Metabase's own tests see it, plus what the map allows.
 */
function checkResourceKeys(resource: unknown): void {
  if (!isPlainObject(resource)) return;
  const extra = Object.keys(resource).filter((key) => !RESOURCE_KINDS.includes(key));
  if (extra.length === 0) return;
  const errors = extra.map(
    (key) => `:${key} ["disallowed key, got: ${JSON.stringify(ownValue(resource, key)) ?? 'nil'}"]`,
  );
  fail(
    `Invalid input: {:resource {${errors.join(', ')}}} (a token's resource is {"question": id} or {"dashboard": id})`,
  );
}

function resourceId(claims: EmbedClaims, kind: ResourceKind): number | string {
  const resource = claims.resource;
  checkResourceKeys(resource);
  const id = isPlainObject(resource) ? resource[kind] : undefined;
  if (id === undefined || id === null || id === false) fail(`Token is missing value for keypath [:resource :${kind}]`);
  if (typeof id === 'string' && ENTITY_ID.test(id)) return id;
  if (typeof id === 'number' && Number.isInteger(id) && id > 0) return id;
  // Metabase checks the token with a Malli schema (a positive integer or a NanoID) and
  // answers with Malli's humanized error, the rejected value printed as Clojure would.
  const got = JSON.stringify(id) ?? typeof id;
  return fail(
    `Invalid input: {:resource {:${kind} ["value must be an integer greater than zero., got: ${got}" ` +
      `"value must be a string that is a valid 21-character NanoID., got: ${got}"]}}`,
  );
}

function checkPublished<T extends DashboardDef | QuestionDef>(store: ContentStore, item: T | undefined): T {
  if (!store.embeddingEnabled) fail('Embedding is not enabled.');
  if (!item) fail(NOT_FOUND);
  if (item.archived) fail('The object has been archived.');
  if (!item.enable_embedding) fail('Embedding is not enabled for this object.');
  return item;
}

export function publishedDashboard(store: ContentStore, claims: EmbedClaims): DashboardDef {
  return checkPublished(store, store.dashboard(resourceId(claims, 'dashboard')));
}

export function publishedQuestion(store: ContentStore, claims: EmbedClaims): QuestionDef {
  return checkPublished(store, store.question(resourceId(claims, 'question')));
}
