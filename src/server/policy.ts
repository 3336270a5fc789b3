// The allow-list: which items may be embedded, which filter slugs the browser may set,
// and which values the server locks. Compiled once when the handler is created, so a
// mistyped policy fails at startup rather than on a visitor's request.
import {EmbedValidationError} from './validation-error.js';
import {HttpError} from './http-error.js';
import {parseParams, type EmbedParamValue, type EmbedParams} from './token-params.js';
import {parseResourceKey, type ParsedResource} from './token-resource.js';
import {describeValue, isPlainObject} from './values.js';

/** What a request says beyond its item: for a Metabase guest embed, its `custom-context`. */
export interface EmbedRequestDetails {
  /** `"static"`: `<metabase-embed>`; `"guest"`: Metabase's `<metabase-dashboard>`/`<metabase-question>`. */
  kind: 'static' | 'guest';
  /** The guest embed's `custom-context` (a string or parsed JSON), as the browser sent it: never an authority. */
  customContext?: unknown;
}

/**
 * Computes locked values per request, e.g. from the session: `(context) => ({tenant: context.user.tenantId})`.
 * `request` is the token request, or undefined when a page signs its first token (`embedAttributes`).
 */
export type LockedResolver<TContext> = (
  context: TContext,
  request: Request | undefined,
  details: EmbedRequestDetails,
) => EmbedParams | Promise<EmbedParams>;

export interface EmbedResourcePolicy<TContext = unknown> {
  /** Filter slugs the browser may set. Anything else in a request is refused with 400. */
  editable?: readonly string[] | undefined;
  /** Values only the server decides: a fixed map or a resolver (which may be async). */
  locked?: EmbedParams | LockedResolver<TContext> | undefined;
}

/** Keyed `"dashboard:12"` or `"question:<id or entity id>"`. */
export type EmbedResources<TContext = unknown> = Readonly<Record<string, EmbedResourcePolicy<TContext>>>;

type ParamMap = Readonly<Record<string, EmbedParamValue>>;

export interface CompiledPolicy<TContext> {
  readonly key: string;
  readonly resource: ParsedResource;
  readonly editable: ReadonlySet<string>;
  readonly locked: ParamMap | LockedResolver<TContext>;
}

const POLICY_OPTIONS: readonly string[] = ['editable', 'locked'];

export function compileResources<TContext>(resources: unknown): ReadonlyMap<string, CompiledPolicy<TContext>> {
  if (!isPlainObject(resources) || Object.keys(resources).length === 0) {
    throw new EmbedValidationError(
      'resources',
      'resources must be an object listing at least one item, e.g. {"dashboard:12": {editable: ["category"]}}',
    );
  }
  return new Map(
    Object.entries(resources).map(([key, policy]) => {
      const resource = parseResourceKey(key, 'resources');
      return [key, compilePolicy<TContext>(key, resource, policy)];
    }),
  );
}

function compilePolicy<TContext>(key: string, resource: ParsedResource, policy: unknown): CompiledPolicy<TContext> {
  const field = `resources[${JSON.stringify(key)}]`;
  if (!isPlainObject(policy)) {
    throw new EmbedValidationError(
      field,
      `${field} must be an object {editable?, locked?}, got ${describeValue(policy)}`,
    );
  }
  const unknownOption = Object.keys(policy).find((option) => !POLICY_OPTIONS.includes(option));
  if (unknownOption !== undefined) {
    throw new EmbedValidationError(
      field,
      `${field} has an unknown option ${JSON.stringify(unknownOption)}: use editable or locked`,
    );
  }
  const editable = parseEditable(policy['editable'], `${field}.editable`);
  const locked = policy['locked'];
  const compiled = {key, resource, editable};
  if (typeof locked === 'function') return {...compiled, locked: locked as LockedResolver<TContext>};
  return {...compiled, locked: parseLockedParams(locked ?? {}, editable, `${field}.locked`)};
}

function parseEditable(value: unknown, field: string): ReadonlySet<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value) || value.some((slug) => typeof slug !== 'string' || slug === '')) {
    throw new EmbedValidationError(field, `${field} must be an array of filter slugs (non-empty strings)`);
  }
  return new Set(value as string[]);
}

/**
 * Checks locked values, fixed or resolved: each a scalar or an array of scalars, none null
 * or a blank string (Metabase refuses a locked parameter without a value: use [] for "no
 * filter"), and none also editable (a slug is one or the other).
 */
export function parseLockedParams(value: unknown, editable: ReadonlySet<string>, field: string): ParamMap {
  const locked = parseParams(value, field);
  for (const [slug, lockedValue] of Object.entries(locked)) {
    if (editable.has(slug)) {
      throw new EmbedValidationError(field, `${field}: ${JSON.stringify(slug)} is both editable and locked`);
    }
    if (lockedValue === null) {
      throw new EmbedValidationError(
        `${field}.${slug}`,
        `${field}.${slug} is null, which Metabase refuses for a locked parameter: use [] to lift a locked filter`,
      );
    }
    if (typeof lockedValue === 'string' && lockedValue.trim() === '') {
      throw new EmbedValidationError(
        `${field}.${slug}`,
        `${field}.${slug} is a blank string, which Metabase ignores: use [] to lift a locked filter`,
      );
    }
  }
  return locked;
}

/** The browser's values, accepted only for editable slugs; any other slug is a 400 naming it. */
export function pickEditableParams(
  policy: Pick<CompiledPolicy<unknown>, 'key' | 'editable'>,
  params: Readonly<Record<string, EmbedParamValue>>,
): ParamMap {
  for (const slug of Object.keys(params)) {
    if (!policy.editable.has(slug)) {
      const allowed = policy.editable.size === 0 ? 'none' : [...policy.editable].join(', ');
      throw new HttpError(
        400,
        `Parameter ${JSON.stringify(slug)} cannot be set by the browser for ${policy.key}; editable parameters: ${allowed}`,
      );
    }
  }
  return params;
}

/** Locked values for this request; a resolver's answer is checked like a fixed map. */
export async function resolveLockedParams<TContext>(
  policy: CompiledPolicy<TContext>,
  context: TContext,
  request: Request | undefined,
  details: EmbedRequestDetails,
): Promise<ParamMap> {
  if (typeof policy.locked !== 'function') return policy.locked;
  const resolved = await policy.locked(context, request, details);
  return parseLockedParams(resolved, policy.editable, `resources[${JSON.stringify(policy.key)}].locked()`);
}

/** Editable values first, then locked ones, built so no slug can reach a prototype. */
export function mergeParams(editable: ParamMap, locked: ParamMap): ParamMap {
  return Object.fromEntries([...Object.entries(editable), ...Object.entries(locked)]);
}
