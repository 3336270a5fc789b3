// Appearance attributes → the embed URL's hash (the keys Metabase reads: see
// src/emulator/page/client/hash-options.ts). Only values that are set are written, so
// Metabase's own defaults apply to the rest. An invalid value is left out; the element warns
// about it, naming the attribute and what it allows, with every other rule (attribute-rules.ts).
import {rules} from './attribute-rules.js';
import type {ResourceKind} from './types.js';

/** Appearance values as given to the element (attribute text when invalid). */
export interface AppearanceInput {
  bordered?: unknown;
  titled?: unknown;
  theme?: unknown;
  background?: unknown;
  refresh?: unknown;
  font?: unknown;
  hideParameters?: unknown;
  downloads?: unknown;
  locale?: unknown;
}

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

/** The appearance properties, in Metabase's order; each one's hash key is its attribute with `_` for `-`. */
const appearanceProperties = [
  'bordered',
  'titled',
  'theme',
  'background',
  'refresh',
  'font',
  'hideParameters',
  'downloads',
  'locale',
] as const;

/**
 * Builds the hash for a dashboard or a question from the valid appearance values; the one
 * warning here is a dashboard-only value given to a question.
 */
export function appearanceHash(input: AppearanceInput, kind: ResourceKind): AppearanceResult {
  const pairs: string[] = [];
  const warnings: AppearanceWarning[] = [];
  for (const name of appearanceProperties) {
    const {attribute, read} = rules[name];
    const value = input[name] == null ? undefined : read(input[name]);
    if (value === undefined) continue;
    if (name === 'refresh' && kind === 'question') {
      warnings.push({attribute, message: '"refresh" applies to dashboards only; it is ignored on a question.'});
    } else pairs.push(`${attribute.replace('-', '_')}=${encodeURIComponent(String(value)).replace(/%2C/g, ',')}`);
  }
  return {hash: pairs.join('&'), warnings};
}
