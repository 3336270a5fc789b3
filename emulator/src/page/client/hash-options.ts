// Appearance options from the embed URL's hash (emulator/README.md#urls). Pure, DOM-free.

export type HashValue = boolean | number | string | HashValue[];

/** What Metabase's parseHashOptions reads as JSON: `1e3`, ` 5`, `0x10` or `.5` stay text. */
const JSON_LIKE = /^(true|false|-?\d+(\.\d+)?)$/;

/**
 * Parses a hash the way Metabase does: like a query string, where `""` means true,
 * `true`/`false` and plain decimal numbers become booleans and numbers, and repeated keys
 * become arrays.
 */
export function parseHash(hash: string): Record<string, HashValue> {
  // Keys are the URL's text (`constructor`, `__proto__`): gathered in a Map.
  const options = new Map<string, HashValue>();
  for (const [key, raw] of new URLSearchParams(hash.replace(/^#/, ''))) {
    const value: HashValue = raw === '' ? true : JSON_LIKE.test(raw) ? (JSON.parse(raw) as boolean | number) : raw;
    const previous = options.get(key);
    options.set(
      key,
      previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value],
    );
  }
  return Object.fromEntries(options);
}

export type Theme = 'light' | 'night' | 'transparent';

export interface Appearance {
  bordered: boolean;
  titled: boolean;
  theme: Theme;
  /** False for a transparent page (`background=false` or `theme=transparent`). */
  background: boolean;
  /** A font family name, or null for the default. */
  font: string | null;
  /** Slugs whose widgets are hidden (their values still apply). */
  hideParameters: string[];
  downloads: {results: boolean; pdf: boolean};
  /** A BCP 47 tag such as `de` or `pt-BR`, or null for the browser's. */
  locale: string | null;
  /** Seconds between re-runs of a dashboard's queries, or null. */
  refresh: number | null;
  /** `#fullscreen`: a dashboard fills the frame's viewport (Metabase's "fit" frame mode). */
  fullscreen: boolean;
  /** `#frame_sizing=content-height`: the page flows from the start instead of filling the iframe. */
  contentHeight: boolean;
  /** Colour overrides, by hash option (`primary-color`): a CSS colour, `transparent` for black. */
  colors: Partial<Record<ColorOption, string>>;
}

/**
 * The colour overrides Metabase's newest frontend reads, each under a hyphen and an underscore
 * spelling (`primary-color`, `primary_color`), in Metabase's order.
 */
export const COLOR_OPTIONS = [
  'primary-color',
  'secondary-color',
  'background-color',
  'text-primary-color',
  'text-secondary-color',
  'border-color',
  'dashboard-bg-color',
  'card-bg-color',
] as const;
export type ColorOption = (typeof COLOR_OPTIONS)[number];

const HEX_COLOR = /^#([\da-f]{3}){1,2}$/i;

/** The colours given: hex only; `#000` and `#000000` stand for transparent, as in Metabase. */
function colorsFrom(options: Record<string, HashValue>): Appearance['colors'] {
  const colors: Appearance['colors'] = {};
  for (const option of COLOR_OPTIONS) {
    const value = last(options[option] ?? options[option.replaceAll('-', '_')]);
    if (typeof value !== 'string' || !HEX_COLOR.test(value)) continue;
    colors[option] = /^#0{3}(0{3})?$/.test(value) ? 'transparent' : value.toLowerCase();
  }
  return colors;
}

const FONT_NAME = /^[\p{L}\p{N} _-]{1,64}$/u;
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

const last = (value: HashValue | undefined): HashValue | undefined =>
  Array.isArray(value) ? value[value.length - 1] : value;
const bool = (value: HashValue | undefined, fallback: boolean) =>
  typeof last(value) === 'boolean' ? (last(value) as boolean) : fallback;

function downloadsFrom(options: Record<string, HashValue>): Appearance['downloads'] {
  const value = last(options.downloads);
  if (value === undefined) return {results: true, pdf: true}; // hide_download_button is ignored: see hashNotes
  if (typeof value === 'boolean') return {results: value, pdf: value};
  const kinds = String(value)
    .split(',')
    .map((kind) => kind.trim());
  return {results: kinds.includes('results'), pdf: kinds.includes('pdf')};
}

/** The appearance an embed page shows for these hash options; `framed` sets the border default. */
export function appearanceFrom(options: Record<string, HashValue>, framed: boolean): Appearance {
  const theme = last(options.theme);
  const themeName: Theme = theme === 'night' || theme === 'transparent' ? theme : 'light';
  const font = last(options.font);
  const locale = last(options.locale);
  const refresh = last(options.refresh);
  const hidden = last(options.hide_parameters);
  return {
    bordered: bool(options.bordered, framed),
    titled: bool(options.titled, true),
    theme: themeName,
    background: themeName !== 'transparent' && bool(options.background, true),
    font: typeof font === 'string' && FONT_NAME.test(font) ? font : null,
    hideParameters:
      typeof hidden === 'string'
        ? hidden
            .split(',')
            .map((slug) => slug.trim())
            .filter(Boolean)
        : [],
    downloads: downloadsFrom(options),
    locale: typeof locale === 'string' && LOCALE.test(locale) ? locale.replace('_', '-') : null,
    refresh: typeof refresh === 'number' && Number.isInteger(refresh) && refresh > 0 ? refresh : null,
    fullscreen: bool(options.fullscreen, false),
    contentHeight: last(options.frame_sizing) === 'content-height',
    colors: colorsFrom(options),
  };
}

/** The page's CSS variable each colour option sets (emulator/src/page/styles.ts). */
const COLOR_VARIABLES: Record<ColorOption, string> = {
  'primary-color': '--mb-accent',
  'secondary-color': '--mb-secondary',
  'background-color': '--mb-bg',
  'text-primary-color': '--mb-text',
  'text-secondary-color': '--mb-text-muted',
  'border-color': '--mb-border',
  'dashboard-bg-color': '--mb-bg',
  'card-bg-color': '--mb-card-bg',
};

/**
 * The CSS variables the page sets for these colours: `dashboard-bg-color` wins over
 * `background-color` on a dashboard and does nothing on a question; a page without background
 * (`background=false`, `theme=transparent`) keeps its backgrounds transparent.
 */
export function colorVariables(appearance: Appearance, resource: 'dashboard' | 'question'): Map<string, string> {
  const variables = new Map<string, string>();
  for (const option of COLOR_OPTIONS) {
    const color = appearance.colors[option];
    if (!color || (option === 'dashboard-bg-color' && resource !== 'dashboard')) continue;
    if (!appearance.background && /bg|background/.test(option)) continue;
    variables.set(COLOR_VARIABLES[option], color);
  }
  return variables;
}

/**
 * What the page says in its console about these options (never on screen): Metabase's
 * newest frontend ignores the legacy `hide_download_button` and logs an error.
 */
export function hashNotes(options: Record<string, HashValue>): string[] {
  return options.hide_download_button === undefined
    ? []
    : ['The hide_download_button option has been removed and is ignored: use downloads=false instead.'];
}
