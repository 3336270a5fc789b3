// Download formats of a query result (emulator/README.md#api: csv, json; xlsx is not emulated),
// written as Metabase writes them: CSV lines end in "\n"; JSON is one object per row keyed by
// the columns' display names. With `format_rows=true` every value is the text the visualization
// shows (`2,000`, `March 26, 2024`, `$1,234.50`); without it, values stay raw.
import type {CellValue, VisualizationSettings} from '../content/schema.js';
import type {QueryResult, ResultColumn} from './engine.js';

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Metabase's `format_rows` query parameter. */
  formatRows: boolean;
  /** The card's settings (currency and percent columns). */
  settings?: VisualizationSettings | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MIDNIGHT = /T00:00(:00(\.0+)?)?Z?$/;

function formatDate(text: string, unit: ResultColumn['unit']): string {
  const time = new Date(DAY.test(text) ? `${text}T00:00:00Z` : text);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-US', {timeZone: 'UTC', ...options}).format(time);
  if (unit === 'year') return part({year: 'numeric'});
  if (unit === 'quarter') return `Q${Math.floor(time.getUTCMonth() / 3) + 1} ${time.getUTCFullYear()}`;
  if (unit === 'month') return part({month: 'long', year: 'numeric'}).replace(' ', ', ');
  const day = part({month: 'long', day: 'numeric', year: 'numeric'});
  if (unit || DAY.test(text) || MIDNIGHT.test(text)) return day;
  return `${day}, ${part({hour: 'numeric', minute: '2-digit'})}`;
}

function formatNumber(value: number, col: ResultColumn, settings: VisualizationSettings | undefined): string {
  const column = settings?.column_settings?.[col.name];
  if (column?.number_style === 'currency')
    return new Intl.NumberFormat('en-US', {style: 'currency', currency: column.currency ?? 'USD'}).format(value);
  if (column?.number_style === 'percent')
    return new Intl.NumberFormat('en-US', {style: 'percent', maximumFractionDigits: 2}).format(value);
  return new Intl.NumberFormat('en-US', {maximumFractionDigits: 2}).format(value);
}

/** A cell as the visualization shows it; null stays null. */
function formatCell(value: CellValue, col: ResultColumn, settings: VisualizationSettings | undefined): CellValue {
  if (value === null) return null;
  if (typeof value === 'number') return formatNumber(value, col, settings);
  const isDate = typeof value === 'string' && (DAY.test(value) || DATE_TIME.test(value)) && !!Date.parse(value);
  return isDate ? formatDate(value, col.unit) : String(value);
}

function cells(result: QueryResult, options: ExportOptions): CellValue[][] {
  if (!options.formatRows) return result.rows;
  return result.rows.map((row) => row.map((value, i) => formatCell(value, result.cols[i]!, options.settings)));
}

function csvCell(value: CellValue): string {
  const text = value === null ? '' : String(value);
  // Quote when needed, and defuse spreadsheet formulas (=, +, -, @) in text cells (not in
  // a formatted negative number such as `-$1,234.50`).
  const formula = /^[=+\-@\t\r]/.test(text) && !/^-[$€£¥]?[\d.,]+%?$/.test(text);
  const safe = typeof value === 'string' && formula ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(result: QueryResult, options: ExportOptions = {formatRows: false}): string {
  const lines = [result.cols.map((col) => col.display_name), ...cells(result, options)];
  return lines.map((line) => line.map(csvCell).join(',')).join('\n') + '\n';
}

/** Like Metabase's JSON export: one object per row, keyed by column display names. */
export function toJsonRows(result: QueryResult, options: ExportOptions = {formatRows: false}): string {
  const {cols} = result;
  return JSON.stringify(
    cells(result, options).map((row) => Object.fromEntries(cols.map((col, i) => [col.display_name, row[i] ?? null]))),
  );
}
