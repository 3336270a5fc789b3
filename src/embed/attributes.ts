// Stage 1, reading attributes. Every declared attribute of <metabase-embed>, one row each,
// and what is derived from it: the element's Lit property declarations and typed properties
// (metabase-embed.ts), the validation (a row's rule), the embed URL's hash (rows with a hash
// key, in this order: Metabase's; frame-url.ts writes it), the JSX/Vue/Svelte props, the
// manifest and the README's table (from the row's JSDoc, through
// custom-elements-manifest.config.mjs). Before the table: how attribute text becomes a value
// and what a value allows; after it: the console warnings about values that are not allowed.
// The warnings, and the words of what each rule allows, are in the development build only
// (dev-mode.ts): each `allows` is written `devMode ? '…' : ''`, which the production build
// folds to ''.
// `param-<slug>` and `title` are watched, not declared (controllers/attribute-watch-controller.ts);
// token-request.ts reads the `param-<slug>` ones.
import type {PropertyDeclarations} from '@lit/reactive-element';
import {devMode} from '../dev-mode.js';
import type {EmbedParamValue, EmbedParams, FetchToken} from './embed-types.js';
import {isPlainObject} from './plain-object.js';

// ---- Attribute text → values ----

// Converters never throw and never drop what they cannot read: a malformed value stays
// recognisable so validation can name the attribute and what it allows (a console warning or
// a configuration error, never a silent default).

/** How a caught value reads inside a message: an Error's message, anything else as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a JSON attribute holds when its text is not JSON. */
export class UnparsableJson {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {}
}

export function parseJsonAttribute(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return new UnparsableJson(text, errorText(error));
  }
}

/** `""` and `"true"` → true, `"false"` → false, anything else stays the text. */
export function parseBooleanAttribute(text: string | null): boolean | string | undefined {
  if (text === null) return undefined;
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'true') return true;
  if (value === 'false') return false;
  return text;
}

/** Decimal numbers (an optional `px` suffix is allowed for heights); anything else stays the text. */
export function parseNumberAttribute(text: string | null): number | string | undefined {
  if (text === null) return undefined;
  const value = text.trim().replace(/px$/i, '');
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : text;
}

/** Lit converters built on the parsers above (attributes are never reflected). */
export const jsonConverter = {fromAttribute: parseJsonAttribute};
export const booleanConverter = {fromAttribute: parseBooleanAttribute};
export const numberConverter = {fromAttribute: parseNumberAttribute};

/** How a value looks in a message: short, quoted, never a whole object dump. */
export function quote(value: unknown): string {
  if (value instanceof UnparsableJson) return JSON.stringify(value.text);
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// ---- Filter values: the params and initial-params attributes ----

export type ParamsResult = {params: EmbedParams} | {problem: string};

const allowedValues = 'a string, a number, a boolean, null, or an array of strings, numbers and booleans';

export function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

export function isParamValue(value: unknown): value is EmbedParamValue {
  return value === null || isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

/** Validates a JSON object of slug → value, e.g. the `params` or `initial-params` attribute. */
export function validateParams(value: unknown, attribute: string): ParamsResult {
  if (value === undefined || value === null) return {params: {}};
  if (value instanceof UnparsableJson) {
    return {
      problem: `"${attribute}" must be a JSON object of filter slug → value; ${quote(value)} is not JSON (${value.reason}).`,
    };
  }
  if (!isPlainObject(value)) {
    return {problem: `"${attribute}" must be a JSON object of filter slug → value; got ${quote(value)}.`};
  }
  for (const [slug, paramValue] of Object.entries(value)) {
    if (slug === '') return {problem: `"${attribute}" has an empty filter slug.`};
    if (!isParamValue(paramValue)) {
      return {problem: `"${attribute}" value for "${slug}" must be ${allowedValues}; got ${quote(paramValue)}.`};
    }
  }
  return {params: {...(value as EmbedParams)}};
}

/** JSON with sorted object keys: equal values give equal text (request de-duplication). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Lit `hasChanged` for JSON-valued properties: by content, keys in any order. */
export function jsonChanged(value: unknown, previous: unknown): boolean {
  return canonicalJson(value) !== canonicalJson(previous);
}

// ---- Rules ----

// What a validated attribute allows, as a rule: the element's getter reads a property through
// its rule (an invalid value reads back as the default), the value given stays for the
// warning. The rules of each attribute are in its row of the table below.

/** setTimeout's limit (2³¹ − 1 ms): a longer delay would fire at once (the `timeout` rule, renewal timers). */
export const maxTimerDelayMs = 2 ** 31 - 1;

export interface AttributeRule<T = unknown> {
  /** Completes "must be …" in the warning: `devMode ? 'a …' : ''` (the warnings are development-only). */
  allows: string;
  /** The valid (normalised) value, or undefined when the input is not allowed. */
  read(value: unknown): T | undefined;
  /** What an absent or invalid value reads as; undefined: the attribute is left out. */
  fallback?: T;
}

const listOf = (words: readonly unknown[]) => `one of ${words.map((word) => `"${String(word)}"`).join(', ')}`;

/** One of `words`; `fallback`, when given, is what anything else reads as. */
export function choice<const T extends string>(words: readonly T[]): AttributeRule<T>;
export function choice<const T extends string>(words: readonly T[], fallback: T): AttributeRule<T> & {fallback: T};
export function choice<const T extends string>(words: readonly T[], fallback?: T): AttributeRule<T> {
  return {
    allows: devMode ? listOf(words) : '',
    read: (value) => words.find((word) => word === value),
    ...(fallback === undefined ? {} : {fallback}),
  };
}

export const flag: AttributeRule<boolean> = {
  allows: devMode ? '"true" or "false" (the attribute alone means true)' : '',
  read: (value) => (typeof value === 'boolean' ? value : undefined),
};

export const pixels: AttributeRule<number> = {
  allows: devMode ? 'a non-negative number of CSS pixels (e.g. "400" or "400px")' : '',
  read: (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined),
};

/** Text that `pattern` matches; `allows` as in AttributeRule. */
export const matching = (allows: string, pattern: RegExp): AttributeRule<string> => ({
  allows,
  read: (value) => (typeof value === 'string' && pattern.test(value) ? value : undefined),
});

/** A colour override for the embed's hash: hex, as Metabase reads it (`#000`/`#000000` mean transparent). */
export const hexColour = matching(devMode ? 'a hex colour such as "#509EE3" or "#fff"' : '', /^#([\da-f]{3}){1,2}$/i);

/** A JSON object of filter slug → value; `attribute` names it in validateParams's messages. */
export const paramsObject = (attribute: string): AttributeRule<EmbedParams> => ({
  allows: devMode ? 'a JSON object of filter slug → value' : '',
  read(value) {
    const result = validateParams(value, attribute);
    return 'params' in result ? result.params : undefined;
  },
});

/** The value a property reads as: the valid value given, else the rule's fallback. */
export function readRuled<T>(rule: AttributeRule<T>, value: unknown): T | undefined {
  return (value == null ? undefined : rule.read(value)) ?? rule.fallback;
}

/** The warning for a value the rule does not allow; undefined when it is allowed or absent. */
export function ruleWarning(attribute: string, rule: AttributeRule, value: unknown): string | undefined {
  if (value == null || rule.read(value) !== undefined) return undefined;
  const outcome = rule.fallback === undefined ? 'It is ignored.' : `Using ${quote(rule.fallback)}.`;
  return `"${attribute}" must be ${rule.allows}; got ${quote(value)}. ${outcome}`;
}

// ---- The table ----

interface Row<T = unknown> {
  /** `false`: a property only. Otherwise its attribute is its name in kebab-case (`site-url`). */
  attribute?: false;
  /** Attribute text → value; none: the text itself. */
  converter?: {fromAttribute(text: string | null): unknown};
  /** What the value allows; the property reads through it (readRuled). */
  rule?: AttributeRule<T>;
  /** An invalid value is a configuration error (configuration.ts says which), not a warning. */
  required?: true;
  /** The key of the embed URL's hash it is written to (frame-url.ts); `true`: the attribute's name. */
  hash?: string | true;
  /** Type only: the value of a row without a rule. */
  type?: T;
}

/** A row without a rule, of type `T` (read and checked by configuration.ts). */
const unruled = <T>() => ({}) as {type?: T};
/** A property without an attribute, of type `T`. */
const propertyOnly = <T>() => ({attribute: false}) as {attribute: false; type?: T};

/** A colour row: a hex colour, written to the hash under the attribute's own name. */
const colourRow = {rule: hexColour, hash: true} as const;

export const attributeTable = {
  /** Dashboard to show: a positive integer id or a 21-character entity id. */
  dashboard: unruled<string | number>(),
  /** Question (saved card) to show: a positive integer id or a 21-character entity id. */
  question: unruled<string | number>(),
  /** Your signing endpoint; the element POSTs `{resource, params}` as JSON to it. */
  endpoint: unruled<string>(),
  /** Credentials sent to the endpoint: `same-origin`, or `include` for a backend on another origin. */
  credentials: {rule: choice(['same-origin', 'include'], 'same-origin')},
  /**
   * Metabase's address, for `{jwt}` answers; when set, embed URLs must be on this origin, and the
   * page preconnects to it while a token is fetched.
   */
  siteUrl: unruled<string>(),
  /**
   * A first token the page's server signed (`embedAttributes` in metabase-embed/server), with
   * `site-url`: shown without a request when it matches the resource and filters; the endpoint renews it.
   */
  token: unruled<string>(),
  /** Replaces the endpoint: `({resource, params, signal}) => Promise<answer>`. */
  fetchToken: propertyOnly<FetchToken>(),
  /** Filter values signed into the token: JSON object of slug → string | number | boolean | array. */
  params: {converter: jsonConverter, rule: paramsObject('params'), required: true},
  /** Initial values of editable filters (JSON); they go in the URL, not the token. */
  initialParams: {converter: jsonConverter, rule: paramsObject('initial-params')},
  /** Draw a border: `true` or `false`; absent: Metabase's default. */
  bordered: {converter: booleanConverter, rule: flag, hash: 'bordered'},
  /** Show the title: `"false"` turns it off; absent: Metabase's default. */
  titled: {converter: booleanConverter, rule: flag, hash: 'titled'},
  /** Colour theme: `light`, `night` or `transparent`. */
  theme: {rule: choice(['light', 'night', 'transparent']), hash: 'theme'},
  /** Dashboard background: `true` or `false` (newer Metabase versions). */
  background: {converter: booleanConverter, rule: flag, hash: 'background'},
  /** Auto-refresh period in seconds (dashboards only). */
  refresh: {
    converter: numberConverter,
    rule: {
      allows: devMode ? 'a positive whole number of seconds' : '',
      read: (value) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined),
    },
    hash: 'refresh',
  },
  /** Font name (Metabase paid plans). */
  font: {
    rule: {
      allows: devMode ? 'a font name' : '',
      read: (value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined),
    },
    hash: 'font',
  },
  /** Comma-separated filter slugs whose widgets are hidden (their values still apply). */
  hideParameters: {
    rule: {
      allows: devMode ? 'a comma-separated list of filter slugs' : '',
      read(value) {
        const slugs = typeof value === 'string' ? value.split(',').map((slug) => slug.trim()) : [''];
        return slugs.every((slug) => /^[^\s,#&=]+$/.test(slug)) ? slugs.join(',') : undefined;
      },
    },
    hash: 'hide_parameters',
  },
  /** Download buttons: `true`, `false`, `pdf`, `results` or `pdf,results` (paid plans). */
  downloads: {
    rule: {
      allows: devMode ? 'one of "true", "false", "pdf", "results", "pdf,results"' : '',
      read(value) {
        const text = typeof value === 'string' || typeof value === 'boolean' ? String(value).replace(/\s+/g, '') : '';
        return ([true, false, 'pdf', 'results', 'pdf,results'] as const).find(
          (word) => String(word) === (text === 'results,pdf' ? 'pdf,results' : text),
        );
      },
    },
    hash: 'downloads',
  },
  /** Language of the embed, e.g. `de` or `pt-BR` (paid plans). */
  locale: {
    rule: matching(devMode ? 'a language tag such as "de" or "pt-BR"' : '', /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/),
    hash: 'locale',
  },
  /** Brand colour (buttons, links, charts), e.g. `#509EE3` (paid plans). */
  primaryColor: colourRow,
  /** Secondary accent colour (paid plans). */
  secondaryColor: colourRow,
  /** Page background colour; `#000` means transparent (paid plans). */
  backgroundColor: colourRow,
  /** Main text colour (paid plans). */
  textPrimaryColor: colourRow,
  /** Secondary text colour: labels and axes (paid plans). */
  textSecondaryColor: colourRow,
  /** Border colour (paid plans). */
  borderColor: colourRow,
  /** Dashboard background colour, over `background-color` (dashboards, paid plans). */
  dashboardBgColor: colourRow,
  /** Card background colour (paid plans). */
  cardBgColor: colourRow,
  /**
   * `content-height`: Metabase's page flows instead of filling the iframe (newest Metabase; older
   * ones ignore it), and its `frame` messages size the iframe until iframe-resizer reports.
   */
  frameSizing: {rule: choice(['content-height']), hash: 'frame_sizing'},
  /** Lowest iframe height in CSS pixels. */
  minHeight: {converter: numberConverter, rule: pixels},
  /** Highest iframe height in CSS pixels; taller content scrolls inside the iframe. */
  maxHeight: {converter: numberConverter, rule: pixels},
  /** `auto`: the height follows the content; `none`: the element's CSS height. */
  resize: {rule: choice(['auto', 'none'], 'auto')},
  /** `lazy`: ask for no token until the element is within 200 px of the viewport. */
  loading: {rule: choice(['eager', 'lazy'], 'eager')},
  /** Seconds to wait for the endpoint before a try counts as failed (at most 2147483). */
  timeout: {
    converter: numberConverter,
    rule: {
      allows: devMode ? `a positive number of seconds, at most ${Math.floor(maxTimerDelayMs / 1000)}` : '',
      read: (value) => (typeof value === 'number' && value > 0 && value * 1000 <= maxTimerDelayMs ? value : undefined),
      fallback: 15,
    },
  },
  /**
   * Dashboard tab to open: its id (`32`) or Metabase's `<id>-<name>` (`32-product-details`).
   * The tab the visitor opens inside the embed then wins, across token renewals and filter changes.
   */
  tab: {
    converter: {fromAttribute: (text: string | null) => text},
    rule: {
      allows: devMode
        ? 'a dashboard tab id such as "32", or Metabase\'s "<id>-<name>" form such as "32-product-details"'
        : '',
      read(value) {
        const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
        return /^[1-9]\d*(-[^\s#&]*)?$/.test(text) ? text : undefined;
      },
    },
  },
} satisfies Record<string, Row>;

export type AttributeTable = typeof attributeTable;
export type PropertyName = keyof AttributeTable;

/** `siteUrl` → `site-url`. */
export const attributeName = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Each row as [name, row], in the table's order. */
export const attributeRows = Object.entries(attributeTable) as Array<[PropertyName, Row]>;

/**
 * Whether a new value given to a row's property is a change: JSON values by content (a
 * framework that passes a new but equal object on every render, as React's `params={{…}}`,
 * changes nothing), others by identity.
 */
export const changed = (row: Row, value: unknown, previous: unknown): boolean =>
  row.converter === jsonConverter ? jsonChanged(value, previous) : !Object.is(value, previous);

/**
 * Lit's declarations of the element's properties. Ruled ones have the element's own
 * accessors (`noAccessor`), which compare what was given (changed()).
 */
export const litDeclarations = (): PropertyDeclarations =>
  Object.fromEntries(
    attributeRows.map(([name, row]) => [
      name,
      {
        attribute: row.attribute ?? attributeName(name),
        noAccessor: !!row.rule,
        ...(row.converter && {converter: row.converter}),
      },
    ]),
  );

// ---- Types derived from the table ----

type Kebab<S extends string> = S extends `${infer Head}${infer Rest}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Rest>}`
  : S;

/** A row's value: its rule's, or its declared type. */
type RowValue<R> = R extends {rule: AttributeRule<infer T>} ? T : R extends {type?: infer T} ? T : never;

/** Rows whose rule has a fallback: their property always reads a value. */
type WithFallback = {
  [K in PropertyName]: AttributeTable[K] extends {rule: {fallback: unknown}} ? K : never;
}[PropertyName];

/** The element's declared properties, typed from the table (metabase-embed.ts merges them into the class). */
export type AttributeProperties = {
  [K in keyof AttributeTable as K extends WithFallback ? K : never]: RowValue<AttributeTable[K]>;
} & {
  [K in keyof AttributeTable as K extends WithFallback ? never : K]?: RowValue<AttributeTable[K]> | undefined;
};

/** Names of rows that have an attribute. */
type WithAttribute = {[K in PropertyName]: AttributeTable[K] extends {attribute: false} ? never : K}[PropertyName];

/** Rows whose attribute holds JSON (converters are told apart by what they return). */
type IsJson<R> = R extends {converter: infer C}
  ? C extends typeof jsonConverter
    ? typeof jsonConverter extends C
      ? true
      : false
    : false
  : false;

/** What an attribute's text may be written as in a template: the value, or text the converter reads. */
type AttributeText<R> =
  IsJson<R> extends true
    ? string
    : R extends {converter: typeof numberConverter}
      ? number | string
      : RowValue<R> | `${RowValue<R> & (string | number | boolean)}`;

/**
 * Template props of the declared attributes, as frameworks that set a prop as a property when
 * the element has one (React 19, Svelte 5) see them: each attribute by its own name with its
 * text or value; where the property is spelled otherwise and takes an object (`initialParams`),
 * the property too; a property without attribute (`fetchToken`) by its name.
 */
export type AttributeTemplateProps = {
  [K in WithAttribute as Kebab<K>]?:
    AttributeText<AttributeTable[K]> | (Kebab<K> extends K ? RowValue<AttributeTable[K]> : never);
} & {
  [
    K in PropertyName as K extends WithAttribute
      ? Kebab<K> extends K
        ? never
        : AttributeTable[K] extends {converter: typeof jsonConverter}
          ? K
          : never
      : K
  ]?: RowValue<AttributeTable[K]>;
};

/** Properties whose attribute is spelled otherwise (`minHeight`/`min-height`). */
export type DashedProperty = {[K in WithAttribute]: Kebab<K> extends K ? never : K}[WithAttribute];

// ---- Warnings ----

// Console warnings about attribute values, in the development build only (the element makes
// its AttributeWarnings only when devMode): each is logged once, and again only after its
// attribute changes (a warning on every update would drown the console).

/** Messages name their attribute first, in quotes: `"theme" must be one of …`. */
export class AttributeWarnings {
  readonly #logged = new Set<string>();
  readonly #log: (message: string) => void;

  constructor(log: (message: string) => void) {
    this.#log = log;
  }

  readonly warn = (message: string): void => {
    if (this.#logged.has(message)) return;
    this.#logged.add(message);
    this.#log(message);
  };

  /** The attribute changed: its warnings may be logged again. */
  forget(attribute: string): void {
    for (const message of this.#logged) if (message.startsWith(`"${attribute}"`)) this.#logged.delete(message);
  }
}
