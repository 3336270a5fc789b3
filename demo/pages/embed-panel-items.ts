// What the Embed panel offers: the demo's items with the filters each publishes as
// editable, and the choices it starts with.
import {resourceKey, type DemoContent, type DemoItem} from '../content.js';
import type {DemoUser} from '../session.js';
import type {EmbedChoices} from '../client/embed-panel-choices.js';

export interface PanelFilter {
  slug: string;
  label: string;
  /** Values to pick from (a select); else free text with this example. */
  options?: string[];
  example?: string;
}

export interface PanelItem {
  key: string;
  title: string;
  resource: EmbedChoices['resource'];
  filters: PanelFilter[];
  /** The parameter locked from the session, when the item has one. */
  sessionSlug?: string;
}

export const PANEL_ENDPOINT = '/api/metabase/embed';

export function panelItems(content: DemoContent): PanelItem[] {
  const {select, dateRange} = content.dashboard;
  const filter = (slug: string): PanelFilter => {
    if (slug === select?.slug) return {slug, label: select.label, options: select.options};
    if (slug === dateRange?.slug) {
      return {
        slug,
        label: dateRange.label,
        example: `${dateRange.min ?? '2024-01-01'}~${dateRange.max ?? '2024-12-31'}`,
      };
    }
    return {slug, label: slug, example: 'a value'};
  };
  const items: DemoItem[] = [content.dashboard, ...(content.question ? [content.question] : []), ...content.lazy];
  const seen = new Set<string>();
  return items.flatMap((item) => {
    const key = resourceKey(item.resource);
    if (seen.has(key)) return [];
    seen.add(key);
    const type = 'dashboard' in item.resource ? 'dashboard' : 'question';
    const id = 'dashboard' in item.resource ? item.resource.dashboard : item.resource.question;
    return [
      {
        key,
        title: item.title,
        resource: {type, id},
        filters: item.editable.map(filter),
        ...(item.locksTenant && content.tenantSlug && {sessionSlug: content.tenantSlug}),
      },
    ];
  });
}

/** The first item, every filter left to the visitor, Metabase's default appearance, 10 minutes. */
export function initialChoices(item: PanelItem, user: DemoUser): EmbedChoices {
  return {
    resource: item.resource,
    endpoint: PANEL_ENDPOINT,
    filters: item.filters.map((filter) => ({slug: filter.slug, mode: 'visitor', value: ''})),
    ...(item.sessionSlug && {session: {slug: item.sessionSlug, example: user.tenant.value}}),
    appearance: {theme: 'light', bordered: true, titled: true, downloads: true},
    expiresIn: 600,
  };
}
