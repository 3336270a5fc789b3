// Appearance attributes → the embed URL's hash (the keys Metabase reads: see
// src/emulator/page/client/hash-options.ts). Only values that are set are written, so
// Metabase's own defaults apply to the rest. An invalid value is ignored with a warning that
// names the attribute and what it allows (the rules are in attribute-rules.ts).
import {rules, ruleWarning} from './attribute-rules.js';
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
const appearanceProperties: Array<keyof AppearanceInput> = [
  'bordered',
  'titled',
  'theme',
  'background',
  'refresh',
  'font',
  'hideParameters',
  'downloads',
  'locale',
];

/** Builds the hash for a dashboard or a question from the appearance values that are set. */
export function appearanceHash(input: AppearanceInput, kind: ResourceKind): AppearanceResult {
  const pairs: string[] = [];
  const warnings: AppearanceWarning[] = [];
  for (const name of appearanceProperties) {
    const rule = rules[name];
    const given = input[name];
    const value = given == null ? undefined : rule.read(given);
    const problem = ruleWarning(rule, given);
    if (problem) warnings.push({attribute: rule.attribute, message: problem});
    else if (value === undefined) continue;
    else if (name === 'refresh' && kind === 'question') {
      warnings.push({
        attribute: 'refresh',
        message: '"refresh" applies to dashboards only; it is ignored on a question.',
      });
    } else pairs.push(`${rule.attribute.replace('-', '_')}=${encodeURIComponent(String(value)).replace(/%2C/g, ',')}`);
  }
  return {hash: pairs.join('&'), warnings};
}
