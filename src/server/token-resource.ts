// Which Metabase item a token opens: `{dashboard: ID}` or `{question: ID}`, where ID is a
// positive integer or a 21-character entity id (emulator/README.md#token).
import {EmbedValidationError} from './validation-error.js';
import {describeValue, isPlainObject} from './values.js';

export type EmbedResourceType = 'dashboard' | 'question';
/** A positive integer id, or a 21-character entity id (`A-Z a-z 0-9 _ -`). */
export type EmbedResourceId = number | string;
/** The `resource` claim of an embed token. */
export type EmbedResource = {dashboard: EmbedResourceId} | {question: EmbedResourceId};

/** A validated resource in a form that is easy to branch on. */
export interface ParsedResource {
  readonly type: EmbedResourceType;
  readonly id: EmbedResourceId;
}

const RESOURCE_TYPES: readonly string[] = ['dashboard', 'question'];
const ENTITY_ID = /^[A-Za-z0-9_-]{21}$/;
const DECIMAL_ID = /^[1-9][0-9]*$/;
const ID_RULE = 'a positive integer or a 21-character entity id (A-Z a-z 0-9 _ -)';

/** A positive integer, an entity id, or a decimal string such as "12" (read as 12); else undefined. */
function readResourceId(value: unknown): EmbedResourceId | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  // An entity id may be all digits: its length decides before the numeric reading.
  if (ENTITY_ID.test(value)) return value;
  if (DECIMAL_ID.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  return undefined;
}

export function parseResourceId(value: unknown, field: string): EmbedResourceId {
  const id = readResourceId(value);
  if (id === undefined) {
    throw new EmbedValidationError(field, `${field} must be ${ID_RULE}, got ${describeValue(value)}`);
  }
  return id;
}

export function parseResource(value: unknown, field = 'resource'): ParsedResource {
  if (!isPlainObject(value)) {
    throw new EmbedValidationError(
      field,
      `${field} must be an object like {"dashboard": 12} or {"question": 7}, got ${describeValue(value)}`,
    );
  }
  const keys = Object.keys(value);
  const type = keys[0];
  if (keys.length !== 1 || type === undefined || !RESOURCE_TYPES.includes(type)) {
    const found = keys.length === 0 ? 'none' : keys.map((key) => JSON.stringify(key)).join(', ');
    throw new EmbedValidationError(
      field,
      `${field} must have exactly one key, "dashboard" or "question"; found ${found}`,
    );
  }
  return {type: type as EmbedResourceType, id: parseResourceId(value[type], `${field}.${type}`)};
}

/** `"dashboard:12"`: the key of the `resources` allow-list. */
export function resourceKey({type, id}: ParsedResource): string {
  return `${type}:${id}`;
}

/** Reads an allow-list key such as `dashboard:12`; only that canonical spelling is accepted. */
export function parseResourceKey(key: string, field: string): ParsedResource {
  const separator = key.indexOf(':');
  const type = key.slice(0, separator);
  const id = readResourceId(key.slice(separator + 1));
  if (separator < 0 || !RESOURCE_TYPES.includes(type) || id === undefined) {
    throw new EmbedValidationError(
      field,
      `${field}: key ${JSON.stringify(key)} must be "dashboard:<id>" or "question:<id>", with <id> ${ID_RULE} written without leading zeros`,
    );
  }
  return {type: type as EmbedResourceType, id};
}

/** The claim as Metabase expects it. */
export function resourceClaim({type, id}: ParsedResource): EmbedResource {
  return type === 'dashboard' ? {dashboard: id} : {question: id};
}
