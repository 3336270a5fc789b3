// Metabase's date parameter forms (docs/embedding/parameters-reference.md in Metabase) on a
// fixed clock: Thursday 2024-02-15 12:30 UTC. Each case lists the cells it keeps.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {datePredicate} from '../src/query/dates.js';
import {QueryFailedError} from '../src/rules/api-errors.js';

const NOW = Date.parse('2024-02-15T12:30:00Z');
const CELLS = [
  '2022-02-10T00:00:00Z',
  '2023-12-31T23:59:00Z',
  '2024-01-01',
  '2024-01-16T08:00:00Z',
  '2024-02-01T00:00:00Z',
  '2024-02-10T10:00:00Z', // Saturday
  '2024-02-11T00:00:00Z', // Sunday: this week starts here
  '2024-02-14T23:59:59Z', // yesterday
  '2024-02-15T00:00:00Z', // today
  '2024-02-15T12:30:40Z', // this minute
  '2024-02-16T09:00:00Z', // tomorrow
  '2024-03-16T00:00:00Z',
  '2024-04-01T00:00:00Z',
  '2026-02-14T00:00:00Z',
];
const WEEKEND = [
  '2023-12-31T23:59:00Z',
  '2024-02-10T10:00:00Z',
  '2024-02-11T00:00:00Z',
  '2024-03-16T00:00:00Z',
  '2026-02-14T00:00:00Z',
];
const FEBRUARY = CELLS.filter((cell) => cell.startsWith('2024-02'));
const kept = (value: string) => CELLS.filter(datePredicate(value, NOW));

describe('date parameter values', () => {
  const cases: [string, string[]][] = [
    ['2024-01-01', ['2024-01-01']],
    ['2024-02-15T12:30', ['2024-02-15T12:30:40Z']],
    ['2024-02', FEBRUARY],
    ['Q2-2024', ['2024-04-01T00:00:00Z']],
    ['Q4-2023', ['2023-12-31T23:59:00Z']],
    ['2024-01-01~2024-01-16', ['2024-01-01', '2024-01-16T08:00:00Z']],
    ['2024-02-15T00:00~2024-02-15T12:30', ['2024-02-15T00:00:00Z', '2024-02-15T12:30:40Z']],
    ['~2024-01-16', ['2022-02-10T00:00:00Z', '2023-12-31T23:59:00Z', '2024-01-01']],
    ['2024-02-16~', ['2024-03-16T00:00:00Z', '2024-04-01T00:00:00Z', '2026-02-14T00:00:00Z']],
    ['today', ['2024-02-15T00:00:00Z', '2024-02-15T12:30:40Z']],
    ['yesterday', ['2024-02-14T23:59:59Z']],
    ['thisday', ['2024-02-15T00:00:00Z', '2024-02-15T12:30:40Z']],
    ['thisweek', FEBRUARY.filter((cell) => cell >= '2024-02-11')],
    ['lastweek', ['2024-02-10T10:00:00Z']],
    ['thisminute', ['2024-02-15T12:30:40Z']],
    ['lastmonth', ['2024-01-01', '2024-01-16T08:00:00Z']],
    ['lastyear', ['2023-12-31T23:59:00Z']],
    ['thisquarter', CELLS.slice(2, 12)],
    ['past1days', ['2024-02-14T23:59:59Z']],
    ['past1days~', ['2024-02-14T23:59:59Z', '2024-02-15T00:00:00Z', '2024-02-15T12:30:40Z']],
    [
      'past30days',
      [
        '2024-01-16T08:00:00Z',
        '2024-02-01T00:00:00Z',
        '2024-02-10T10:00:00Z',
        '2024-02-11T00:00:00Z',
        '2024-02-14T23:59:59Z',
      ],
    ],
    ['past2hours~', ['2024-02-15T12:30:40Z']],
    ['next1days', ['2024-02-16T09:00:00Z']],
    ['next1months', ['2024-03-16T00:00:00Z']],
    ['next1months~', [...FEBRUARY, '2024-03-16T00:00:00Z']],
    ['past7days-from-2years', ['2022-02-10T00:00:00Z']],
    ['next1days-from-2years', []], // 2026-02-16 only
    ['next3days-from-2years', []], // 2026-02-16 to 2026-02-18
    ['exclude-days-Sat-Sun', CELLS.filter((c) => !WEEKEND.includes(c))],
    ['exclude-months-Jan-Feb', ['2023-12-31T23:59:00Z', '2024-03-16T00:00:00Z', '2024-04-01T00:00:00Z']],
    ['exclude-quarters-1', ['2023-12-31T23:59:00Z', '2024-04-01T00:00:00Z']],
    [
      'exclude-hours-0-23',
      ['2024-01-16T08:00:00Z', '2024-02-10T10:00:00Z', '2024-02-15T12:30:40Z', '2024-02-16T09:00:00Z'],
    ], // hours 0 and 23
  ];
  for (const [value, expected] of cases) test(value, () => assert.deepEqual(kept(value), expected));

  test('a cell that is not a date is never kept (not even by an exclusion)', () => {
    assert.deepEqual([null, 'soon', 42].filter(datePredicate('exclude-days-Mon', NOW)), []);
  });

  for (const bad of [
    'past30day',
    'past-1days',
    'thisfortnight',
    'Q5-2024',
    '2024-02-30',
    'exclude-weeks-1',
    '2024~',
    'past1days-from-2years~', // ~ and -from- do not combine
    '',
  ])
    test(`refuses ${JSON.stringify(bad)} with Metabase's message, as a failed query`, () =>
      assert.throws(
        () => datePredicate(bad, NOW),
        (error) =>
          error instanceof QueryFailedError &&
          error.message === `Don't know how to parse date string ${JSON.stringify(bad)}` &&
          error.errorType === 'invalid-parameter',
      ));
});
