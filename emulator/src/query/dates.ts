// Metabase's date parameter values (`2024-01-02`, `Q2-2024`, `past30days~`, `thisweek`,
// `exclude-days-Sat-Sun`, ...) as row predicates, with the meaning Metabase's query
// processor gives them (src/metabase/query_processor/parameters/dates.clj in Metabase):
// relative forms count whole units back or forth from the clock's current unit, in UTC,
// weeks starting on Sunday (Metabase's default). Pure: the clock is an argument.
import type {CellValue} from '../content/schema.js';
import {failQuery} from '../rules/api-errors.js';

export type DatePredicate = (cell: CellValue | undefined) => boolean;

const UNITS = ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
type Unit = (typeof UNITS)[number];
const UNIT = `(${UNITS.join('|')})`;

const RELATIVE = new RegExp(`^(past|next)(\\d+)${UNIT}s(~|-from-(\\d+)${UNIT}s)?$`);
const CURRENT = new RegExp(`^(this|last)${UNIT}$`);
const EXCLUDE = /^exclude-(hour|day|month|quarter)s-([-A-Za-z0-9]+)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^Q([1-4])-(\d{4})$/;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A value Metabase cannot parse either fails the query with Metabase's message. */
const unreadable = (text: string): never => failQuery(`Don't know how to parse date string ${JSON.stringify(text)}`);

function cellTime(cell: CellValue | undefined): number | undefined {
  if (typeof cell !== 'string') return undefined;
  const time = Date.parse(cell.length === 10 ? `${cell}T00:00:00Z` : cell);
  return Number.isNaN(time) ? undefined : time;
}

/** The start of the unit holding `time` (UTC). */
function startOf(time: number, unit: Unit): number {
  const date = new Date(time);
  switch (unit) {
    case 'millisecond':
      return time;
    case 'second':
      return Math.floor(time / 1000) * 1000;
    case 'minute':
      return Math.floor(time / 60_000) * 60_000;
    case 'hour':
      return Math.floor(time / 3_600_000) * 3_600_000;
    case 'day':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    case 'week':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - date.getUTCDay());
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    case 'quarter':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - (date.getUTCMonth() % 3), 1);
    case 'year':
      return Date.UTC(date.getUTCFullYear(), 0, 1);
  }
}

/** `time` moved by `count` units (months keep the day, as java.time does, clamped to the month's end). */
function add(time: number, unit: Unit, count: number): number {
  const fixed = {millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000};
  if (unit in fixed) return time + count * fixed[unit as keyof typeof fixed];
  const months = count * (unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1);
  const date = new Date(time);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime() + (time - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Cells in `[start, end)`; an open end is undefined. */
function between(start: number | undefined, end: number | undefined): DatePredicate {
  return (cell) => {
    const time = cellTime(cell);
    return time !== undefined && (start === undefined || time >= start) && (end === undefined || time < end);
  };
}

function relative(match: RegExpMatchArray, now: number): DatePredicate {
  const [, direction, countText, unitText, suffix, offsetText, offsetUnit] = match;
  const unit = unitText as Unit;
  const count = Number(countText);
  // `-from-2years` moves the anchor 2 years back (past) or forward (next); only `~` includes
  // the anchor's own unit.
  const sign = direction === 'past' ? -1 : 1;
  const anchor = offsetText ? add(now, offsetUnit as Unit, sign * Number(offsetText)) : now;
  const includeCurrent = suffix === '~';
  const current = startOf(anchor, unit);
  if (direction === 'past') return between(add(current, unit, -count), add(current, unit, includeCurrent ? 1 : 0));
  return between(add(current, unit, includeCurrent ? 0 : 1), add(current, unit, count + 1));
}

type ExclusionKind = 'hour' | 'day' | 'month' | 'quarter';

function exclusion(kind: ExclusionKind, list: string, text: string): DatePredicate {
  const parts = list.split('-');
  const partOf: Record<ExclusionKind, (time: Date) => number> = {
    hour: (d) => d.getUTCHours(),
    day: (d) => d.getUTCDay(),
    month: (d) => d.getUTCMonth(),
    quarter: (d) => Math.floor(d.getUTCMonth() / 3),
  };
  const values = parts.map((part) => {
    if (kind === 'hour' && /^\d{1,2}$/.test(part) && Number(part) <= 23) return Number(part);
    if (kind === 'day' && WEEKDAYS.includes(part)) return WEEKDAYS.indexOf(part);
    if (kind === 'month' && MONTHS.includes(part)) return MONTHS.indexOf(part);
    if (kind === 'quarter' && /^[1-4]$/.test(part)) return Number(part) - 1;
    return unreadable(text);
  });
  const excluded = new Set(values);
  return (cell) => {
    const time = cellTime(cell);
    return time !== undefined && !excluded.has(partOf[kind](new Date(time)));
  };
}

/** The time of a real calendar date (V8 reads `2024-02-30` as March 1st: refused here). */
function calendarTime(day: string, time: string): number | undefined {
  const parsed = Date.parse(`${day}T${time}Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === day ? parsed : undefined;
}

/** A day (`2024-01-02`) or a minute (`2024-01-02T10:20`), as `[start, end)`. */
function absolute(text: string): [number, number] | undefined {
  const [day, time] = text.split('T');
  const start = DAY.test(text)
    ? calendarTime(text, '00:00:00')
    : DATE_TIME.test(text)
      ? calendarTime(day!, time!) // DATE_TIME has a T between the two
      : undefined;
  if (start === undefined) return undefined;
  return [start, start + (time === undefined ? 86_400_000 : 60_000)];
}

/** The predicate for one date parameter value; `now` (epoch ms) anchors the relative forms. */
export function datePredicate(text: string, now: number): DatePredicate {
  if (text === 'today') return between(startOf(now, 'day'), add(startOf(now, 'day'), 'day', 1));
  if (text === 'yesterday') return between(add(startOf(now, 'day'), 'day', -1), startOf(now, 'day'));
  const relativeMatch = RELATIVE.exec(text);
  if (relativeMatch) return relative(relativeMatch, now);
  const currentMatch = CURRENT.exec(text);
  if (currentMatch) {
    const unit = currentMatch[2] as Unit;
    const start = add(startOf(now, unit), unit, currentMatch[1] === 'last' ? -1 : 0);
    return between(start, add(start, unit, 1));
  }
  const month = MONTH.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const start = Date.UTC(Number(month[1]), Number(month[2]) - 1, 1);
    return between(start, add(start, 'month', 1));
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const start = Date.UTC(Number(quarter[2]), (Number(quarter[1]) - 1) * 3, 1);
    return between(start, add(start, 'quarter', 1));
  }
  const single = absolute(text);
  if (single) return between(...single);
  const exclude = EXCLUDE.exec(text);
  if (exclude) return exclusion(exclude[1] as ExclusionKind, exclude[2]!, text); // both groups match when exec does
  const ends = text.split('~');
  if (ends.length === 2) {
    const [from, to] = ends.map((end) => (end === '' ? undefined : absolute(end)));
    if (ends[0] !== '' && ends[1] !== '' && from && to) {
      // Inclusive at both ends: whole days, or whole minutes when an end has a time.
      return between(from[0], to[1]);
    }
    // `~D` is strictly before D's day and `D~` strictly after it (Metabase's < and > by day).
    if (ends[0] === '' && to) return between(undefined, startOf(to[0], 'day'));
    if (ends[1] === '' && from) return between(add(startOf(from[0], 'day'), 'day', 1), undefined);
  }
  return unreadable(text);
}
