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
  const options: Record<string, HashValue> = {};
  for (const [key, raw] of new URLSearchParams(hash.replace(/^#/, ''))) {
    const value: HashValue = raw === '' ? true : JSON_LIKE.test(raw) ? (JSON.parse(raw) as boolean | number) : raw;
    const previous = options[key];
    options[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return options;
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
  };
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
