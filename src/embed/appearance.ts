// Appearance attributes → the embed URL's hash (contract §1). Only values that are set are
// written, so Metabase's own defaults apply to the rest. An invalid value is ignored with a
// warning that names the attribute and what it allows.
import {quote} from './attribute-values.js';
import type {ResourceKind} from './types.js';

/** Appearance values as the element's properties hold them (attribute text when invalid). */
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

export interface AppearanceWarning {
  /** The attribute at fault, e.g. `theme`. */
  attribute: string;
  message: string;
}

export interface AppearanceResult {
  /** The hash without `#`, e.g. `bordered=false&theme=night`; empty when nothing is set. */
  hash: string;
  warnings: AppearanceWarning[];
}

export const themes = ['light', 'night', 'transparent'] as const;
const downloadChoices = ['true', 'false', 'pdf', 'results', 'pdf,results'];
const localePattern = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;
const slugPattern = /^[^\s,#&=]+$/;

type Rule = {
  attribute: string;
  hashKey: string;
  allows: string;
  /** The hash value, or undefined when the input is invalid. */
  read(value: unknown): string | undefined;
};

function booleanRule(attribute: string): Rule {
  return {
    attribute,
    hashKey: attribute,
    allows: '"true" or "false" (the attribute alone means true)',
    read: (value) => (typeof value === 'boolean' ? String(value) : undefined),
  };
}

const rules: Record<keyof AppearanceInput, Rule> = {
  bordered: booleanRule('bordered'),
  titled: booleanRule('titled'),
  theme: {
    attribute: 'theme',
    hashKey: 'theme',
    allows: `one of ${themes.map((theme) => `"${theme}"`).join(', ')}`,
    read: (value) => (typeof value === 'string' && (themes as readonly string[]).includes(value) ? value : undefined),
  },
  background: booleanRule('background'),
  refresh: {
    attribute: 'refresh',
    hashKey: 'refresh',
    allows: 'a positive whole number of seconds',
    read: (value) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? String(value) : undefined),
  },
  font: {
    attribute: 'font',
    hashKey: 'font',
    allows: 'a font name',
    read: (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
  },
  hideParameters: {
    attribute: 'hide-parameters',
    hashKey: 'hide_parameters',
    allows: 'a comma-separated list of filter slugs',
    read(value) {
      if (typeof value !== 'string') return undefined;
      const slugs = value.split(',').map((slug) => slug.trim());
      return slugs.every((slug) => slugPattern.test(slug)) ? slugs.join(',') : undefined;
    },
  },
  downloads: {
    attribute: 'downloads',
    hashKey: 'downloads',
    allows: `one of ${downloadChoices.map((choice) => `"${choice}"`).join(', ')}`,
    read(value) {
      const text = String(value).replace(/\s+/g, '');
      const normalised = text === 'results,pdf' ? 'pdf,results' : text;
      return typeof value !== 'object' && downloadChoices.includes(normalised) ? normalised : undefined;
    },
  },
  locale: {
    attribute: 'locale',
    hashKey: 'locale',
    allows: 'a language tag such as "de" or "pt-BR"',
    read: (value) => (typeof value === 'string' && localePattern.test(value) ? value : undefined),
  },
};

/** Builds the hash for a dashboard or a question from the appearance values that are set. */
export function appearanceHash(input: AppearanceInput, kind: ResourceKind): AppearanceResult {
  const pairs: string[] = [];
  const warnings: AppearanceWarning[] = [];
  for (const [name, rule] of Object.entries(rules) as Array<[keyof AppearanceInput, Rule]>) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    const hashValue = rule.read(value);
    if (hashValue === undefined) {
      warnings.push({
        attribute: rule.attribute,
        message: `"${rule.attribute}" must be ${rule.allows}; got ${quote(value)}. It is ignored.`,
      });
    } else if (name === 'refresh' && kind === 'question') {
      warnings.push({
        attribute: 'refresh',
        message: '"refresh" applies to dashboards only; it is ignored on a question.',
      });
    } else {
      pairs.push(`${rule.hashKey}=${encodeURIComponent(hashValue).replace(/%2C/g, ',')}`);
    }
  }
  return {hash: pairs.join('&'), warnings};
}
