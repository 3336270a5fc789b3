// Resource ids: `dashboard="12"` or `question="..."`, a positive integer or a 21-character
// entity id (Metabase's NanoID alphabet).
import {isPlainObject} from './plain-object.js';
import type {Resource, ResourceId, ResourceKind} from './types.js';

const positiveInteger = /^[1-9][0-9]*$/;
const entityId = /^[A-Za-z0-9_-]{21}$/;

type ResourceResult = {resource: Resource} | {problem: string};

/** Parses one id as written in an attribute; undefined when it is neither allowed form. */
export function parseResourceId(text: string): ResourceId | undefined {
  const trimmed = text.trim();
  if (positiveInteger.test(trimmed)) {
    const id = Number(trimmed);
    return Number.isSafeInteger(id) ? id : undefined;
  }
  return entityId.test(trimmed) ? trimmed : undefined;
}

/** Reads the `dashboard` and `question` attributes: exactly one, well formed. */
export function resourceFromAttributes(
  dashboard: string | number | null | undefined,
  question: string | number | null | undefined,
): ResourceResult {
  const given = [dashboard, question].filter((value) => value != null);
  if (given.length === 0) {
    return {
      problem:
        'Set either the "dashboard" or the "question" attribute (a positive integer id or a 21-character entity id).',
    };
  }
  if (given.length === 2) {
    return {problem: 'Set only one of the "dashboard" and "question" attributes, not both.'};
  }
  const kind: ResourceKind = dashboard != null ? 'dashboard' : 'question';
  const id = parseResourceId(String(given[0]));
  if (id === undefined) {
    return {
      problem: `The "${kind}" attribute must be a positive integer id or a 21-character entity id (A-Z a-z 0-9 _ -); got ${JSON.stringify(String(given[0]))}.`,
    };
  }
  return {resource: resourceOf(kind, id)};
}

export function resourceKind(resource: Resource): ResourceKind {
  return 'dashboard' in resource ? 'dashboard' : 'question';
}

/** A human label, e.g. "Metabase dashboard 12" (the iframe's default title). */
export function describeResource(resource: Resource): string {
  const kind = resourceKind(resource);
  return `Metabase ${kind} ${(resource as Record<ResourceKind, ResourceId>)[kind]}`;
}

/**
 * Reads a token's `resource` claim; numeric strings count as the number (the claim
 * `{"dashboard": "12"}` names dashboard 12). Undefined when the claim is not a resource.
 */
export function resourceFromClaim(claim: unknown): Resource | undefined {
  if (!isPlainObject(claim)) return undefined;
  const [kind, ...others] = Object.keys(claim);
  if (others.length > 0 || (kind !== 'dashboard' && kind !== 'question')) return undefined;
  const raw = claim[kind];
  const id = typeof raw === 'number' || typeof raw === 'string' ? parseResourceId(String(raw)) : undefined;
  return id === undefined ? undefined : resourceOf(kind, id);
}

/** `{dashboard: 12}` or `{question: 12}`. */
function resourceOf(kind: ResourceKind, id: ResourceId): Resource {
  return {[kind]: id} as Resource;
}
