// Turns a parameter value into a row predicate. Values follow Metabase's URL forms: a
// scalar or a list for category-like filters, Metabase's date forms (dates.ts) for dates.
// A value no filter can read fails the query, as in Metabase.
import {failQuery} from '../rules/api-errors.js';
import type {CellValue, ParameterType, Row} from '../content/schema.js';
import {datePredicate} from './dates.js';

export interface Filter {
  slug: string;
  type: ParameterType;
  column: string;
  /** A scalar or a list; a list means "any of these". */
  value: unknown;
}

type Predicate = (cell: CellValue | undefined) => boolean;

function scalarValues(filter: Filter): unknown[] {
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  for (const value of values) {
    if (value !== null && typeof value === 'object')
      failQuery(`A value for :${filter.slug} must be a string or number, not ${JSON.stringify(value)}.`);
  }
  return values;
}

function valuePredicate(filter: Filter, value: unknown, now: number): Predicate {
  switch (filter.type) {
    case 'date/range':
    case 'date/single':
      return datePredicate(String(value), now);
    case 'number/=': {
      const number = Number(value);
      if (value === '' || !Number.isFinite(number)) failQuery(`Invalid number "${String(value)}" for :${filter.slug}.`);
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

/**
 * A predicate true for rows that match every filter; a null value sets no filter. `now`
 * (epoch ms, the emulator's clock) anchors relative dates such as `past30days`.
 */
export function rowFilter(filters: readonly Filter[], now: number): (row: Row) => boolean {
  const tests = filters
    .filter((filter) => filter.value !== null && filter.value !== undefined)
    .map((filter) => {
      const any = scalarValues(filter).map((value) => valuePredicate(filter, value, now));
      return (row: Row) => any.some((predicate) => predicate(row[filter.column]));
    });
  return (row) => tests.every((test) => test(row));
}
