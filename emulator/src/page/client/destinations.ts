// Custom destinations on the embed page: a click on a card (or on a table cell) with a URL
// click behaviour opens the filled URL in a new tab, as a static Metabase embed does. Only
// absolute http(s) URLs open; the new tab gets no handle on this page (noopener) and, by the
// page's referrer policy, no Referer carrying the token.
import {clickBehaviorFor, type DashcardVisualizationSettings} from '../../content/click-behavior.js';
import type {CellValue} from '../../content/schema.js';
import type {FilterValue} from './filter-values.js';
import {fillLinkTemplate, openableUrl} from './link-template.js';
import type {ResultData} from './visualization.js';

interface Clicked {
  /** The clicked cell's column, or null for a click elsewhere on the card. */
  column: string | null;
  row: Record<string, CellValue>;
}

const rowOf = (data: ResultData, index: number): Record<string, CellValue> =>
  Object.fromEntries(data.cols.map((col, i) => [col.name, data.rows[index]?.[i] ?? null]));

/** What was clicked: a table cell gives its row and column, a number its own value; a chart gives nothing. */
export function clickedAt(target: Element, data: ResultData | null): Clicked {
  if (!data) return {column: null, row: {}};
  const cell = target.closest('tbody td');
  const tr = cell?.parentElement;
  if (cell instanceof HTMLTableCellElement && tr instanceof HTMLTableRowElement)
    return {column: data.cols[cell.cellIndex]?.name ?? null, row: rowOf(data, tr.sectionRowIndex)};
  const last = data.cols.at(-1);
  if (target.closest('.mb-scalar') && last) return {column: last.name, row: rowOf(data, 0)};
  return {column: null, row: {}};
}

export interface DestinationContext {
  settings: DashcardVisualizationSettings | undefined;
  data: ResultData | null;
  /** The page's filter values by slug, and the filters it shows (their names). */
  filters: Record<string, FilterValue>;
  parameters: readonly {slug: string; name: string}[];
}

/** Follows the click behaviour of a click on `target`, if it has one. */
export function followClick(target: Element, context: DestinationContext): void {
  const {column, row} = clickedAt(target, context.data);
  const behavior = clickBehaviorFor(context.settings, column);
  if (!behavior) return; // no destination here: a click does nothing, as in a static embed
  const filled = fillLinkTemplate(behavior.linkTemplate, {
    columns: row,
    filters: context.filters,
    filterNames: Object.fromEntries(context.parameters.map((p) => [p.slug, p.name])),
  });
  const url = openableUrl(filled);
  if (!url) {
    console.error(`Not opening the click destination ${JSON.stringify(filled)}: only http(s) URLs open.`);
    return;
  }
  window.open(url, '_blank', 'noopener');
}
