// What a validated attribute allows, as a rule: the element's getter reads a property through
// its rule (an invalid value reads back as the default), the value given stays for the
// warning. The rules of each attribute are in its row of attribute-table.ts.
import {quote} from './attribute-values.js';
import {validateParams} from './params.js';
import type {EmbedParams} from './types.js';

export interface AttributeRule<T = unknown> {
  /** Completes "must be …" in the warning. */
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
    allows: listOf(words),
    read: (value) => words.find((word) => word === value),
    ...(fallback === undefined ? {} : {fallback}),
  };
}

export const flag: AttributeRule<boolean> = {
  allows: '"true" or "false" (the attribute alone means true)',
  read: (value) => (typeof value === 'boolean' ? value : undefined),
};

export const pixels: AttributeRule<number> = {
  allows: 'a non-negative number of CSS pixels (e.g. "400" or "400px")',
  read: (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined),
};

/** Text that `pattern` matches. */
export const matching = (allows: string, pattern: RegExp): AttributeRule<string> => ({
  allows,
  read: (value) => (typeof value === 'string' && pattern.test(value) ? value : undefined),
});

/** A JSON object of filter slug → value; `attribute` names it in params.ts's messages. */
export const paramsObject = (attribute: string): AttributeRule<EmbedParams> => ({
  allows: 'a JSON object of filter slug → value',
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
