// Turns a parameter value into a row predicate. Values follow Metabase's URL forms: a
// scalar or a list for category-like filters, `2024-01-01~2024-03-31` for date ranges.
import {fail} from '../errors.js';
import type {CellValue, ParameterType, Row} from '../content/types.js';

export interface Filter {
  slug: string;
  type: ParameterType;
  column: string;
  /** A scalar or a list; a list means "any of these". */
  value: unknown;
}

type Predicate = (cell: CellValue | undefined) => boolean;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

function scalarValues(filter: Filter): unknown[] {
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  for (const value of values) {
    if (value !== null && typeof value === 'object')
      fail(`A value for :${filter.slug} must be a string or number, not ${JSON.stringify(value)}.`);
  }
  return values;
}

/** `2024-01-01`, `2024-03` (the month), or a range `from~to` with either end open. */
function datePredicate(text: string, slug: string): Predicate {
  const invalid = () =>
    fail(`Invalid date value "${text}" for :${slug}: use YYYY-MM-DD, YYYY-MM or a range like 2024-01-01~2024-03-31.`);
  const day = (cell: CellValue | undefined) => (typeof cell === 'string' ? cell.slice(0, 10) : '');
  if (DAY.test(text)) return (cell) => day(cell) === text;
  if (MONTH.test(text)) return (cell) => day(cell).startsWith(`${text}-`);
  const [from = '', to = '', extra] = text.split('~');
  if (extra !== undefined || (from === '' && to === '') || (from && !DAY.test(from)) || (to && !DAY.test(to)))
    invalid();
  return (cell) => {
    const date = day(cell);
    return date !== '' && (from === '' || date >= from) && (to === '' || date <= to);
  };
}

function valuePredicate(filter: Filter, value: unknown): Predicate {
  switch (filter.type) {
    case 'date/range':
    case 'date/single':
      return datePredicate(String(value), filter.slug);
    case 'number/=': {
      const number = Number(value);
      if (value === '' || !Number.isFinite(number)) fail(`Invalid number "${String(value)}" for :${filter.slug}.`);
      return (cell) => Number(cell) === number;
    }
    case 'string/contains': {
      const needle = String(value).toLowerCase();
      return (cell) => cell !== null && cell !== undefined && String(cell).toLowerCase().includes(needle);
    }
    default: // exact match, case-sensitive, like Metabase's string/= and category filters
      return (cell) => cell !== null && cell !== undefined && String(cell) === String(value);
  }
}

/** A predicate true for rows that match every filter; a null value sets no filter. */
export function rowFilter(filters: readonly Filter[]): (row: Row) => boolean {
  const tests = filters
    .filter((filter) => filter.value !== null && filter.value !== undefined)
    .map((filter) => {
      const any = scalarValues(filter).map((value) => valuePredicate(filter, value));
      return (row: Row) => any.some((predicate) => predicate(row[filter.column]));
    });
  return (row) => tests.every((test) => test(row));
}
