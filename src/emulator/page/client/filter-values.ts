// Editable filter values in the page's query string (`?category=Gadget&category=Widget`).
// Pure, DOM-free.

export type FilterValue = string | string[];

/** Values of the given slugs found in `search`; a repeated key gives a list. */
export function readFilterValues(search: string, slugs: readonly string[]): Record<string, FilterValue> {
  const query = new URLSearchParams(search);
  const values: Record<string, FilterValue> = {};
  for (const slug of slugs) {
    const found = query.getAll(slug).filter((value) => value.trim() !== '');
    if (found.length > 0) values[slug] = found.length === 1 ? found[0]! : found;
  }
  return values;
}

/** `search` with `slug` set to `value` (or removed when empty); other keys are kept. */
export function withFilterValue(search: string, slug: string, value: FilterValue | null): string {
  const query = new URLSearchParams(search);
  query.delete(slug);
  for (const item of value === null ? [] : Array.isArray(value) ? value : [value]) {
    if (item.trim() !== '') query.append(slug, item);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The `parameters` query parameter of the embed API: JSON by slug. */
export function parametersQuery(values: Record<string, FilterValue>): string {
  return `parameters=${encodeURIComponent(JSON.stringify(values))}`;
}
