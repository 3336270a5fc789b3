// From checked token claims to a published item, with Metabase's checks in Metabase's
// order: the resource id, the global switch, existence, archive, the item's own switch.
import {fail, NOT_FOUND} from './errors.js';
import type {ContentStore} from '../content/store.js';
import type {DashboardDef, QuestionDef} from '../content/types.js';
import type {EmbedClaims} from './token.js';

const ENTITY_ID = /^[A-Za-z0-9_-]{21}$/;

/** Dashboards are `dashboard` in tokens; questions are `question` (Metabase calls them cards). */
export type ResourceKind = 'dashboard' | 'question';

function resourceId(claims: EmbedClaims, kind: ResourceKind): number | string {
  const resource = claims.resource;
  const id =
    typeof resource === 'object' && resource !== null ? (resource as Record<string, unknown>)[kind] : undefined;
  if (id === undefined || id === null || id === false) fail(`Token is missing value for keypath [:resource :${kind}]`);
  if (typeof id === 'string' && ENTITY_ID.test(id)) return id;
  if (typeof id === 'number' && Number.isInteger(id) && id > 0) return id;
  return fail(`${kind === 'dashboard' ? 'Dashboard' : 'Card'} id should be a positive integer.`);
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
