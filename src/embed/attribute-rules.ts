// What each validated attribute allows. The element's getters read a property through its
// rule (an invalid value reads back as the default), the text it was given stays for the
// warning, and appearance.ts writes the valid appearance values into the embed URL's hash.
import {quote} from './attribute-values.js';
import {validateParams} from './params.js';
import {maxTimerDelayMs} from './retry.js';
import type {EmbedParams} from './types.js';

export interface AttributeRule<T = unknown> {
  attribute: string;
  /** Completes "must be …" in the warning. */
  allows: string;
  /** The valid (normalised) value, or undefined when the input is not allowed. */
  read(value: unknown): T | undefined;
  /** What an absent or invalid value reads as; undefined: the attribute is left out. */
  fallback?: T;
}

const defaultTimeoutSeconds = 15;
const themes = ['light', 'night', 'transparent'] as const;
const downloadChoices = [true, false, 'pdf', 'results', 'pdf,results'] as const;

const localePattern = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;
const slugPattern = /^[^\s,#&=]+$/;

const listOf = (words: readonly unknown[]) => `one of ${words.map((word) => `"${String(word)}"`).join(', ')}`;

function choice<T extends string>(attribute: string, words: readonly T[], fallback?: T): AttributeRule<T> {
  return {
    attribute,
    allows: listOf(words),
    read: (value) => words.find((word) => word === value),
    ...(fallback === undefined ? {} : {fallback}),
  };
}

function flag(attribute: string): AttributeRule<boolean> {
  return {
    attribute,
    allows: '"true" or "false" (the attribute alone means true)',
    read: (value) => (typeof value === 'boolean' ? value : undefined),
  };
}

function pixels(attribute: string): AttributeRule<number> {
  return {
    attribute,
    allows: 'a non-negative number of CSS pixels (e.g. "400" or "400px")',
    read: (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined),
  };
}

function paramsObject(attribute: string): AttributeRule<EmbedParams> {
  return {
    attribute,
    allows: 'a JSON object of filter slug → value',
    read(value) {
      const result = validateParams(value, attribute);
      return 'params' in result ? result.params : undefined;
    },
  };
}

/** The rules of the appearance attributes, in the order Metabase writes its hash (appearance.ts). */
export const appearanceRules = {
  bordered: flag('bordered'),
  titled: flag('titled'),
  theme: choice('theme', themes),
  background: flag('background'),
  refresh: {
    attribute: 'refresh',
    allows: 'a positive whole number of seconds',
    read: (value) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined),
  } as AttributeRule<number>,
  font: {
    attribute: 'font',
    allows: 'a font name',
    read: (value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined),
  } as AttributeRule<string>,
  hideParameters: {
    attribute: 'hide-parameters',
    allows: 'a comma-separated list of filter slugs',
    read(value) {
      const slugs = typeof value === 'string' ? value.split(',').map((slug) => slug.trim()) : [''];
      return slugs.every((slug) => slugPattern.test(slug)) ? slugs.join(',') : undefined;
    },
  } as AttributeRule<string>,
  downloads: {
    attribute: 'downloads',
    allows: listOf(downloadChoices),
    read(value) {
      const words = typeof value === 'string' || typeof value === 'boolean' ? String(value).replace(/\s+/g, '') : '';
      const normalised = words === 'results,pdf' ? 'pdf,results' : words;
      return downloadChoices.find((choice) => String(choice) === normalised);
    },
  } as AttributeRule<(typeof downloadChoices)[number]>,
  locale: {
    attribute: 'locale',
    allows: 'a language tag such as "de" or "pt-BR"',
    read: (value) => (typeof value === 'string' && localePattern.test(value) ? value : undefined),
  } as AttributeRule<string>,
} satisfies Record<string, AttributeRule>;

export const rules = {
  credentials: choice('credentials', ['same-origin', 'include'], 'same-origin'),
  ...appearanceRules,
  minHeight: pixels('min-height'),
  maxHeight: pixels('max-height'),
  resize: choice('resize', ['auto', 'none'], 'auto'),
  loading: choice('loading', ['eager', 'lazy'], 'eager'),
  timeout: {
    attribute: 'timeout',
    allows: `a positive number of seconds, at most ${Math.floor(maxTimerDelayMs / 1000)}`,
    read: (value) => (typeof value === 'number' && value > 0 && value * 1000 <= maxTimerDelayMs ? value : undefined),
    fallback: defaultTimeoutSeconds,
  } as AttributeRule<number>,
  initialParams: paramsObject('initial-params'),
  tab: {
    attribute: 'tab',
    allows: 'a dashboard tab id such as "32", or Metabase\'s "<id>-<name>" form such as "32-product-details"',
    read(value) {
      const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
      return /^[1-9]\d*(-[^\s#&]*)?$/.test(text) ? text : undefined;
    },
  } as AttributeRule<string>,
} satisfies Record<string, AttributeRule>;

/** `params` reads as none when invalid; configuration.ts makes the error from the value given. */
export const paramsRule = paramsObject('params');

/** The value a property reads as: the valid value given, else the rule's fallback. */
export function readRuled<T>(rule: AttributeRule<T>, value: unknown): T | undefined {
  return (value == null ? undefined : rule.read(value)) ?? rule.fallback;
}

/** The warning for a value the rule does not allow; undefined when it is allowed or absent. */
export function ruleWarning(rule: AttributeRule, value: unknown): string | undefined {
  if (value == null || rule.read(value) !== undefined) return undefined;
  const outcome = rule.fallback === undefined ? 'It is ignored.' : `Using ${quote(rule.fallback)}.`;
  return `"${rule.attribute}" must be ${rule.allows}; got ${quote(value)}. ${outcome}`;
}
