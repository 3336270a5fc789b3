// Fills a custom destination's URL template the way Metabase's embed page does, and decides
// whether the result may be opened. Pure, DOM-free.
//
// `{{name}}` is looked up case-insensitively: a column of the clicked row, then a dashboard
// filter by name, then by slug (`{{column:x}}`, `{{filter:x}}` pick one source). A name found
// nowhere, or a value that is null, fills as empty. Only filters the embed page itself knows
// have values: editable ones a visitor may set. Locked filters (and values set in the token)
// never reach the page, so they always fill as empty.
import type {CellValue} from '../../content/schema.js';
import type {FilterValue} from './filter-values.js';

export interface TemplateValues {
  /** The clicked row: column name → value (empty when the click was not on a row). */
  columns: Record<string, CellValue>;
  /** The page's filter values by slug. */
  filters: Record<string, FilterValue>;
  /** Name of each filter the page shows, by slug. */
  filterNames: Record<string, string>;
}

type Value = CellValue | FilterValue | undefined;
type Source = 'column' | 'filter';

const lowerKeys = <T>(record: Record<string, T>) =>
  new Map(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));

/** Only absolute http(s) URLs are ever opened: javascript:, data:, relative and malformed ones are refused. */
export function openableUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function lookup(values: TemplateValues, variable: string): {value: Value; source: Source} | undefined {
  const name = variable.trim().toLowerCase();
  const columns = lowerKeys(values.columns);
  const bySlug = lowerKeys(values.filters);
  const byName = new Map(
    Object.entries(values.filterNames)
      .filter(([slug]) => Object.hasOwn(values.filters, slug))
      .map(([slug, filterName]) => [filterName.toLowerCase(), values.filters[slug]]),
  );
  const sources: [Source, Map<string, Value>][] = [
    ['column', columns],
    ['filter', byName],
    ['filter', bySlug],
  ];
  // `filter:x` looks in both filter sources, by name then slug (Metabase's own lookup stops
  // at the names, so there a `filter:` prefix only finds a filter by its name).
  const prefixed = sources.find(([source]) => name.startsWith(`${source}:`))?.[0];
  const key = prefixed ? name.slice(prefixed.length + 1) : name;
  for (const [source, map] of sources)
    if ((!prefixed || source === prefixed) && map.has(key)) return {value: map.get(key), source};
  return undefined;
}

/**
 * The template with every `{{variable}}` replaced by its URL-encoded value (a list joins
 * with commas first). As in Metabase, a column value at the very start that is itself an
 * http(s) URL is kept as it is, so `{{link}}` can open a URL column; a filter value never is.
 */
export function fillLinkTemplate(template: string, values: TemplateValues): string {
  return template.replace(/{{([^}]+)}}/g, (_whole, variable: string, offset: number) => {
    const found = lookup(values, variable);
    if (!found || found.value === null || found.value === undefined) return '';
    const text = Array.isArray(found.value) ? found.value.join(',') : String(found.value);
    const keepAsUrl = found.source === 'column' && offset === 0 && openableUrl(text) !== null;
    return keepAsUrl ? text : encodeURIComponent(text);
  });
}
