// What the instance's plan does to the hash options (emulator/README.md#urls). Open-source Metabase
// ignores the paid-only ones: downloads stay on, and `font`, `locale` and the colours are not applied.
// Pure, DOM-free.
import type {Plan} from '../../rules/plan.js';
import {COLOR_OPTIONS, type Appearance, type HashValue} from './hash-options.js';

const customColors = 'custom colours in static embeds need a paid plan (Pro or Enterprise)';

/** The hash options only paid plans apply, and what open source does instead. */
const PAID_OPTIONS: Record<string, string> = {
  font: 'a custom font in static embeds needs a paid plan (Pro or Enterprise)',
  downloads: 'choosing the downloads of static embeds needs a paid plan (Pro or Enterprise); both stay on',
  locale: 'translating static embeds needs a paid plan (Pro or Enterprise); the page stays in English',
  ...Object.fromEntries(
    COLOR_OPTIONS.flatMap((option) => [option, option.replaceAll('-', '_')]).map((option) => [option, customColors]),
  ),
};

/** The appearance the page shows on this plan. */
export function appearanceOnPlan(appearance: Appearance, plan: Plan): Appearance {
  if (plan === 'pro') return appearance;
  return {...appearance, font: null, locale: null, downloads: {results: true, pdf: true}, colors: {}};
}

const shown = (value: HashValue): string => (Array.isArray(value) ? value.map(shown).join(',') : String(value));

/** One console note per paid-only option that this plan ignores (never shown on screen). */
export function planNotes(options: Record<string, HashValue>, plan: Plan): string[] {
  if (plan === 'pro') return [];
  return Object.entries(PAID_OPTIONS)
    .filter(([option]) => options[option] !== undefined)
    .map(([option, why]) => `The ${option}=${shown(options[option]!)} option is ignored: ${why}.`);
}
