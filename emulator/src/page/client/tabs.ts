// Dashboard tabs in the page's query string, as Metabase's frontend writes them
// (emulator/README.md#tabs): `?tab=<id>-<name in lower case, spaces as hyphens>`, read back by
// the id before the first hyphen. Pure, DOM-free.

export interface Tab {
  id: number;
  name: string;
}

/** Metabase's slug of a tab: `32-product-details` for tab 32, "Product details". */
export function tabSlug(tab: Tab): string {
  return [tab.id, ...tab.name.toLowerCase().split(' ')].join('-');
}

/** The tab id a `tab` value names (`32-product-details` or `32`), or null. */
export function tabIdFromSlug(slug: string | null): number | null {
  const id = /^(\d+)(-|$)/.exec(slug ?? '')?.[1];
  return id === undefined ? null : Number(id);
}

/**
 * The tab a page shows for `search`: the one its `tab` names, else the first (Metabase also
 * falls back to the first for an unknown id). Null for a dashboard without tabs.
 */
export function selectedTab(search: string, tabs: readonly Tab[]): Tab | null {
  const id = tabIdFromSlug(new URLSearchParams(search).get('tab'));
  return tabs.find((tab) => tab.id === id) ?? tabs[0] ?? null;
}

/**
 * `search` with `tab` naming `tab` (in place when present, else last, as Metabase's router
 * adds it); without it when the dashboard has one tab or none. Other keys are kept.
 */
export function withTab(search: string, tab: Tab | null, tabCount: number): string {
  const query = new URLSearchParams(search);
  if (tab && tabCount > 1) query.set('tab', tabSlug(tab));
  else query.delete('tab');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The tab a key on the tab bar moves to (WAI-ARIA tabs, as Metabase's tab bar): ArrowRight and
 * ArrowLeft to the next and previous tab, wrapping round; Home and End to the first and last.
 * Null for any other key.
 */
export function tabForKey(key: string, tabs: readonly Tab[], current: Tab | null): Tab | null {
  const index = tabs.findIndex((tab) => tab.id === current?.id);
  const last = tabs.length - 1;
  switch (key) {
    case 'ArrowRight':
      return tabs[index < last ? index + 1 : 0] ?? null;
    case 'ArrowLeft':
      return tabs[index > 0 ? index - 1 : last] ?? null;
    case 'Home':
      return tabs[0] ?? null;
    case 'End':
      return tabs[last] ?? null;
    default:
      return null;
  }
}
