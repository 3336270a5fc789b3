// Runs a QuerySpec over rows: filter, group by breakouts (dates truncated to a unit),
// aggregate, sort, limit. The result has Metabase's `cols` + `rows` shape.
import type {Aggregation, Breakout, CellValue, QuerySpec, Row, TimeUnit} from '../content/schema.js';
import {aggregationNames} from './columns.js';
import {rowFilter, type Filter} from './filters.js';

export interface ResultColumn {
  name: string;
  display_name: string;
  base_type: string;
  unit?: TimeUnit;
}

export interface QueryResult {
  cols: ResultColumn[];
  rows: CellValue[][];
}

/** Metabase caps rows returned to an embed; so do we. */
export const MAX_RESULT_ROWS = 2000;
/** Downloads are not held to that cap (Metabase's limit for them is a spreadsheet's). */
export const MAX_DOWNLOAD_ROWS = 1_048_575;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z?)?$/;
const AGGREGATION_LABELS: Record<string, string> = {
  sum: 'Sum of',
  avg: 'Average of',
  min: 'Min of',
  max: 'Max of',
  distinct: 'Distinct values of',
};

/** A column's display name from its name, as Metabase's `humanize` does for simple names. */
export const humanize = (name: string) =>
  name
    .split('_')
    .map((word) => (word === 'id' ? 'ID' : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
const tidy = (value: number) => Math.round(value * 1e6) / 1e6; // drop float noise from sums

/** Metabase's base type of a column, read from its values. */
export function baseType(rows: readonly Row[], column: string): string {
  const values = rows.map((row) => row[column]).filter((value) => value !== null && value !== undefined);
  if (values.length === 0) return 'type/*';
  if (values.every((value) => typeof value === 'number'))
    return values.every(Number.isInteger) ? 'type/Integer' : 'type/Float';
  if (values.every((value) => typeof value === 'boolean')) return 'type/Boolean';
  if (values.every((value) => typeof value === 'string' && DATE_TIME.test(value))) return 'type/DateTime';
  return 'type/Text';
}

/** Truncates an ISO date-time to the start of its unit (weeks start on Sunday, as in Metabase). */
export function truncateDate(value: CellValue, unit: TimeUnit): CellValue {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return value;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  const year = date.getUTCFullYear();
  let [month, day] = [date.getUTCMonth(), date.getUTCDate()];
  if (unit === 'week') day -= date.getUTCDay();
  if (unit === 'month' || unit === 'quarter' || unit === 'year') day = 1;
  if (unit === 'quarter') month -= month % 3;
  if (unit === 'year') month = 0;
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 19) + 'Z';
}

function aggregate([name, column]: Aggregation, rows: readonly Row[]): CellValue {
  if (name === 'count') return rows.length;
  const values = rows.map((row) => row[column!]).filter((value) => value !== null && value !== undefined);
  if (name === 'distinct') return new Set(values).size;
  const numbers = values.map(Number).filter(Number.isFinite);
  if (numbers.length === 0) return null;
  if (name === 'sum') return tidy(numbers.reduce((a, b) => a + b, 0));
  if (name === 'avg') return tidy(numbers.reduce((a, b) => a + b, 0) / numbers.length);
  return name === 'min' ? Math.min(...numbers) : Math.max(...numbers);
}

function compareCells(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return -1; // nulls first, as in Metabase's ascending sort
  if (b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

function groupRows(query: QuerySpec, rows: readonly Row[], breakouts: readonly Breakout[]): CellValue[][] {
  const groups = new Map<string, {key: CellValue[]; rows: Row[]}>();
  for (const row of rows) {
    const key = breakouts.map(({column, unit}) =>
      unit ? truncateDate(row[column] ?? null, unit) : (row[column] ?? null),
    );
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? {key, rows: []};
    group.rows.push(row);
    groups.set(id, group);
  }
  const aggregations = query.aggregation ?? [];
  if (groups.size === 0 && breakouts.length === 0) return [aggregations.map((agg) => aggregate(agg, []))];
  const result = [...groups.values()].map((group) => [
    ...group.key,
    ...aggregations.map((agg) => aggregate(agg, group.rows)),
  ]);
  // Like Metabase, results come sorted by their breakouts unless told otherwise.
  return result.sort((a, b) => {
    for (let i = 0; i < breakouts.length; i++) {
      const order = compareCells(a[i] ?? null, b[i] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function columnsOf(query: QuerySpec, rows: readonly Row[]): ResultColumn[] {
  const aggregations = query.aggregation ?? [];
  if (aggregations.length === 0 && !query.breakout?.length) {
    const names = query.fields ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
    return names.map((name) => ({name, display_name: humanize(name), base_type: baseType(rows, name)}));
  }
  const breakoutCols = (query.breakout ?? []).map(({column, unit}) => ({
    name: column,
    display_name: unit ? `${humanize(column)}: ${humanize(unit)}` : humanize(column),
    base_type: baseType(rows, column),
    ...(unit ? {unit} : {}),
  }));
  const names = aggregationNames(aggregations);
  const aggregationCols = aggregations.map(([fn, column], i) => ({
    name: names[i]!, // one name per aggregation
    display_name: fn === 'count' ? 'Count' : `${AGGREGATION_LABELS[fn]} ${humanize(column!)}`,
    base_type:
      fn === 'count' || fn === 'distinct' ? 'type/BigInteger' : fn === 'avg' ? 'type/Float' : baseType(rows, column!),
  }));
  return [...breakoutCols, ...aggregationCols];
}

/**
 * Runs `query` on `rows` with `filters` applied first; `now` (epoch ms) anchors relative
 * dates; at most `maxRows` rows come back.
 */
export function runQuery(
  query: QuerySpec,
  tableRows: readonly Row[],
  filters: readonly Filter[],
  now: number,
  maxRows = MAX_RESULT_ROWS,
): QueryResult {
  const rows = tableRows.filter(rowFilter(filters, now));
  const cols = columnsOf(query, tableRows);
  const names = cols.map((col) => col.name);
  let result =
    query.aggregation?.length || query.breakout?.length
      ? groupRows(query, rows, query.breakout ?? [])
      : rows.map((row) => names.map((name) => row[name] ?? null));
  for (const [column, direction] of [...(query.order_by ?? [])].reverse()) {
    const index = names.indexOf(column);
    const sign = direction === 'desc' ? -1 : 1;
    result = result.sort((a, b) => sign * compareCells(a[index] ?? null, b[index] ?? null)); // stable: later keys first
  }
  return {cols, rows: result.slice(0, Math.min(query.limit ?? maxRows, maxRows))};
}
