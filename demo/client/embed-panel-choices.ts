// What the Embed panel's visitor chose, and what follows from it for the element and the
// server: plain data and pure functions, shared by the page (demo/pages/embed-panel.ts),
// its script (embed-panel.ts) and the code generators (embed-panel-code.ts).

/**
 * Who sets a filter: the visitor, in the embed's own widget (an initial value goes in the
 * URL); the host page, through a `param-<slug>` attribute the server signs (the server
 * lists the slug as editable); or the server alone, which locks the value in the token.
 */
export type FilterMode = 'visitor' | 'page' | 'server';

export const FILTER_MODES: readonly FilterMode[] = ['visitor', 'page', 'server'];

export interface FilterChoice {
  slug: string;
  mode: FilterMode;
  /** '' is "no value": no initial value, nothing set, or (locked) `[]`, no filter. */
  value: string;
}

export type Theme = 'light' | 'night' | 'transparent';
export const THEMES: readonly Theme[] = ['light', 'night', 'transparent'];

export interface EmbedChoices {
  resource: {type: 'dashboard' | 'question'; id: number | string};
  endpoint: string;
  filters: FilterChoice[];
  /** The parameter the server locks from the signed-in user's session, with that user's value (for the example code). */
  session?: {slug: string; example: string | number} | undefined;
  appearance: {theme: Theme; bordered: boolean; titled: boolean; downloads: boolean};
  /** Token lifetime in seconds. */
  expiresIn: number;
}

export const MIN_LIFETIME = 60;
export const MAX_LIFETIME = 86_400;

/** The `dashboard:1` key of the server's allow-list. */
export const resourceKey = ({resource}: EmbedChoices) => `${resource.type}:${resource.id}`;

/** Slugs the page may set (the server's `editable` list). */
export const pageSlugs = (choices: EmbedChoices) =>
  choices.filters.filter((filter) => filter.mode === 'page').map((filter) => filter.slug);

/** Values the server locks besides the session's, by slug; an empty value locks "no filter" (`[]`). */
export function serverLocked(choices: EmbedChoices): Record<string, string | never[]> {
  return Object.fromEntries(
    choices.filters
      .filter((filter) => filter.mode === 'server')
      .map((filter) => [filter.slug, filter.value === '' ? [] : filter.value]),
  );
}

/** Initial values of the visitor's filters: the element's `initial-params`. */
export function visitorInitialValues(choices: EmbedChoices): Record<string, string> {
  return Object.fromEntries(
    choices.filters
      .filter((filter) => filter.mode === 'visitor' && filter.value !== '')
      .map((filter) => [filter.slug, filter.value]),
  );
}

/** The page's values: the element's `param-<slug>` attributes. */
export function pageValues(choices: EmbedChoices): Record<string, string> {
  return Object.fromEntries(
    choices.filters
      .filter((filter) => filter.mode === 'page' && filter.value !== '')
      .map((filter) => [filter.slug, filter.value]),
  );
}

/**
 * The element's attributes, in the order the code shows them; appearance options only
 * where they differ from Metabase's defaults (as Metabase's own code generator writes them).
 */
export function tagAttributes(choices: EmbedChoices): [name: string, value: string][] {
  const attributes: [string, string][] = [
    [choices.resource.type, String(choices.resource.id)],
    ['endpoint', choices.endpoint],
  ];
  for (const [slug, value] of Object.entries(pageValues(choices))) attributes.push([`param-${slug}`, value]);
  const initial = visitorInitialValues(choices);
  if (Object.keys(initial).length > 0) attributes.push(['initial-params', JSON.stringify(initial)]);
  const {theme, bordered, titled, downloads} = choices.appearance;
  if (theme !== 'light') attributes.push(['theme', theme]);
  if (!bordered) attributes.push(['bordered', 'false']);
  if (!titled) attributes.push(['titled', 'false']);
  if (!downloads) attributes.push(['downloads', 'false']);
  return attributes;
}
