// Stage 6, the frame URL: what the iframe must show for an accepted token, the URL
// `<site>/embed/<kind>/<jwt>?<editable filter values>#<appearance>`, and a key that tells the
// frames controller whether it already shows it.
import {
  attributeName,
  attributeRows,
  canonicalJson,
  readRuled,
  type AttributeRule,
  type PropertyName,
} from './attributes.js';
import {devMode} from '../dev-mode.js';
import type {EmbedParamValue, EmbedParams, FrameParams, ResourceKind} from './embed-types.js';
import type {EmbedTarget} from './token-answer.js';

export interface FramePlanInput {
  target: EmbedTarget;
  /** The token renews the one on screen (nothing else about it changed). */
  renewal: boolean;
  /** Appearance, without `#`. */
  hash: string;
  initialParams: EmbedParams;
  /** What the visitor chose inside the embed; wins over the initial values. */
  visitorParams: FrameParams;
  /** The dashboard tab to open: the visitor's, else the `tab` attribute's. */
  tab?: string | undefined;
  /** The `tab` attribute: a new one needs a new frame. */
  initialTab?: string | undefined;
}

export interface FramePlan {
  /** One object per accepted token: a new token is a new target, even with the same text. */
  target: EmbedTarget;
  url: string;
  /** With the same target, an equal key needs no new frame (the visitor's own choices aside). */
  key: string;
  renewal: boolean;
}

export function planFrame(input: FramePlanInput): FramePlan {
  const {target, renewal, hash, initialParams, visitorParams, tab} = input;
  // Slugs the token sets: Metabase refuses them in the query string too.
  const query = withoutSlugs({...initialParams, ...visitorParams}, Object.keys(target.claims.params));
  // The tab goes last, where Metabase's page writes it when it adds one.
  const search = queryFromParams(tab ? {...query, [tabKey]: tab} : query);
  const url = `${target.baseUrl}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`;
  return {target, url, key: `${hash}|${canonicalJson(initialParams)}|${input.initialTab ?? ''}`, renewal};
}

// ---- The query: editable filter values ----

/** Drops the given slugs (those the token sets: Metabase refuses them in the URL too). */
export function withoutSlugs<T extends Record<string, unknown>>(params: T, slugs: Iterable<string>): T {
  const copy = {...params};
  for (const slug of slugs) delete copy[slug];
  return copy;
}

/**
 * Query string of editable filter values, `a=1&a=2` for several values, no leading `?`. A
 * null is `a=` (Metabase reads an empty value as "none", clearing the default).
 */
export function queryFromParams(params: Record<string, EmbedParamValue | string[]>): string {
  const pairs: string[] = [];
  for (const [slug, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) {
      pairs.push(`${encodeURIComponent(slug)}=${encodeURIComponent(String(item))}`);
    }
  }
  return pairs.join('&');
}

/** The query key Metabase keeps a dashboard's open tab in (`?tab=32-product-details`). */
export const tabKey = 'tab';

// ---- The hash: appearance ----

// Appearance attributes → the embed URL's hash (the keys Metabase reads: see
// emulator/src/page/client/hash-options.ts): the rows of attributes.ts's table with a hash
// key, in their order. Only values that are set are written, so Metabase's own defaults apply
// to the rest. An invalid value is left out; the development build warns about it, naming the
// attribute and what it allows, with every other rule.

/** Appearance values as given to the element (attribute text when invalid). */
export type AppearanceInput = {[name in PropertyName]?: unknown};

interface AppearanceWarning {
  /** The attribute at fault, e.g. `theme`. */
  attribute: string;
  message: string;
}

interface AppearanceResult {
  /** The hash without `#`, e.g. `bordered=false&theme=night`; empty when nothing is set. */
  hash: string;
  warnings: AppearanceWarning[];
}

/**
 * Builds the hash for a dashboard or a question from the valid appearance values; the one
 * warning here (development build only) is a dashboard-only value given to a question.
 */
export function appearanceHash(input: AppearanceInput, kind: ResourceKind): AppearanceResult {
  const pairs: string[] = [];
  const warnings: AppearanceWarning[] = [];
  for (const [name, {rule, hash}] of attributeRows) {
    if (!rule || !hash) continue;
    const value = readRuled(rule as AttributeRule<string | number | boolean>, input[name]);
    if (value === undefined) continue;
    if (name === 'refresh' && kind === 'question') {
      const message = '"refresh" applies to dashboards only; it is ignored on a question.';
      if (devMode) warnings.push({attribute: attributeName(name), message});
    } else
      pairs.push(
        `${hash === true ? attributeName(name) : hash}=${encodeURIComponent(String(value)).replace(/%2C/g, ',')}`,
      );
  }
  return {hash: pairs.join('&'), warnings};
}
