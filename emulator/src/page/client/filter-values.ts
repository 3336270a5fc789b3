// Editable filter values in the page's query string (`?category=Gadget&category=Widget`).
// Pure, DOM-free.

/** A value, several, or null: cleared on purpose, so the parameter's default does not apply. */
export type FilterValue = string | string[] | null;

export interface FilterParameter {
  slug: string;
  /** The parameter's default, shown (and sent) while the URL does not set the slug. */
  default?: unknown;
}

const asFilterValue = (value: unknown): FilterValue => (Array.isArray(value) ? value.map(String) : String(value));

/**
 * Values of the given parameters found in `search`; a repeated key gives a list. A slug
 * the URL leaves out gets its default; a blank one (`?category=`) clears the default (null).
 */
export function readFilterValues(search: string, parameters: readonly FilterParameter[]): Record<string, FilterValue> {
  const query = new URLSearchParams(search);
  const values: Record<string, FilterValue> = {};
  for (const {slug, default: fallback} of parameters) {
    const found = query.getAll(slug).filter((value) => value.trim() !== '');
    if (found.length > 0) values[slug] = found.length === 1 ? found[0]! : found;
    else if (fallback !== undefined) values[slug] = query.has(slug) ? null : asFilterValue(fallback);
  }
  return values;
}

/**
 * `search` with `slug` set to `value` (or removed when empty; kept as `slug=` when
 * `clearsDefault`, which Metabase reads as "no value"); other keys are kept.
 */
export function withFilterValue(search: string, slug: string, value: FilterValue, clearsDefault = false): string {
  const query = new URLSearchParams(search);
  query.delete(slug);
  const items = (value === null ? [] : Array.isArray(value) ? value : [value]).filter((item) => item.trim() !== '');
  if (items.length === 0 && clearsDefault) query.append(slug, '');
  for (const item of items) {
    query.append(slug, item);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The `parameters` query parameter of the embed API: JSON by slug. */
export function parametersQuery(values: Record<string, FilterValue>): string {
  return `parameters=${encodeURIComponent(JSON.stringify(values))}`;
}
