// Download formats of a query result (emulator/README.md#api: csv, json; xlsx is not emulated).
import type {CellValue} from '../content/types.js';
import type {QueryResult} from './engine.js';

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function csvCell(value: CellValue): string {
  const text = value === null ? '' : String(value);
  // Quote when needed, and defuse spreadsheet formulas (=, +, -, @) in text cells.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv({cols, rows}: QueryResult): string {
  return (
    [cols.map((col) => csvCell(col.display_name)), ...rows.map((row) => row.map(csvCell))]
      .map((line) => line.join(','))
      .join('\r\n') + '\r\n'
  );
}

/** Like Metabase's JSON export: one object per row, keyed by column display names. */
export function toJsonRows({cols, rows}: QueryResult): string {
  return JSON.stringify(
    rows.map((row) => Object.fromEntries(cols.map((col, i) => [col.display_name, row[i] ?? null]))),
  );
}
