// Appearance attributes → the embed URL's hash (the keys Metabase reads: see
// emulator/src/page/client/hash-options.ts): the rows of attribute-table.ts with a hash key,
// in their order. Only values that are set are written, so Metabase's own defaults apply to
// the rest. An invalid value is left out; the element warns about it, naming the attribute
// and what it allows, with every other rule.
import {readRuled, type AttributeRule} from './attribute-rules.js';
import {attributeName, attributeRows, type PropertyName} from './attribute-table.js';
import type {ResourceKind} from './types.js';

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
 * warning here is a dashboard-only value given to a question.
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
      warnings.push({attribute: attributeName(name), message});
    } else pairs.push(`${hash}=${encodeURIComponent(String(value)).replace(/%2C/g, ',')}`);
  }
  return {hash: pairs.join('&'), warnings};
}
