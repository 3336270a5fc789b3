// Appearance attributes → the embed URL's hash (the keys Metabase reads: see
// emulator/src/page/client/hash-options.ts). Only values that are set are written, so
// Metabase's own defaults apply to the rest. An invalid value is left out; the element warns
// about it, naming the attribute and what it allows, with every other rule (attribute-rules.ts).
import {appearanceRules, readRuled, type AttributeRule} from './attribute-rules.js';
import type {ResourceKind} from './types.js';

/** Appearance values as given to the element (attribute text when invalid). */
export type AppearanceInput = {[name in keyof typeof appearanceRules]?: unknown};

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
  // Each one's hash key is its attribute with `_` for `-`.
  for (const [name, rule] of Object.entries<AttributeRule<string | number | boolean>>(appearanceRules)) {
    const {attribute} = rule;
    const value = readRuled(rule, input[name as keyof AppearanceInput]);
    if (value === undefined) continue;
    if (name === 'refresh' && kind === 'question') {
      warnings.push({attribute, message: '"refresh" applies to dashboards only; it is ignored on a question.'});
    } else pairs.push(`${attribute.replace('-', '_')}=${encodeURIComponent(String(value)).replace(/%2C/g, ',')}`);
  }
  return {hash: pairs.join('&'), warnings};
}
