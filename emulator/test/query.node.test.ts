// The query engine and filters: grouping, date truncation, sorting, limits, and the
// filter value forms the embed URL uses.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {runQuery, truncateDate} from '../src/query/engine.js';
import {rowFilter, type Filter} from '../src/query/filters.js';
import {toCsv} from '../src/query/export.js';
import type {Row, VisualizationSettings} from '../src/content/schema.js';

const rows: Row[] = [
  {id: 1, day: '2024-01-31T23:59:00Z', kind: 'a', amount: 10.1},
  {id: 2, day: '2024-02-01T00:00:00Z', kind: 'b', amount: 20.2},
  {id: 3, day: '2024-02-15T12:00:00Z', kind: 'a', amount: 30.3},
  {id: 4, day: '2024-05-05T00:00:00Z', kind: 'c', amount: null},
];
const filter = (type: Filter['type'], column: string, value: unknown): Filter => ({slug: column, type, column, value});
const NOW = Date.parse('2024-02-15T12:00:00Z'); // a Thursday
const ids = (filters: Filter[]) => rows.filter(rowFilter(filters, NOW)).map((row) => row.id);

describe('filters', () => {
  const cases: [string, Filter[], number[]][] = [
    ['no filter', [], [1, 2, 3, 4]],
    ['null value: no filter', [filter('string/=', 'kind', null)], [1, 2, 3, 4]],
    ['string/= a', [filter('string/=', 'kind', 'a')], [1, 3]],
    ['string/= is case-sensitive', [filter('string/=', 'kind', 'A')], []],
    ['string/= [a, c]', [filter('string/=', 'kind', ['a', 'c'])], [1, 3, 4]],
    ['string/contains B', [filter('string/contains', 'kind', 'B')], [2]],
    ['number/= "2"', [filter('number/=', 'id', '2')], [2]],
    ['date/range 2024-02-01~2024-02-15', [filter('date/range', 'day', '2024-02-01~2024-02-15')], [2, 3]],
    // Metabase: `D~` is strictly after D's day, `~D` strictly before it.
    ['date/range open end 2024-02-01~', [filter('date/range', 'day', '2024-02-01~')], [3, 4]],
    ['date/range open start ~2024-02-01', [filter('date/range', 'day', '~2024-02-01')], [1]],
    ['date/single 2024-05-05', [filter('date/single', 'day', '2024-05-05')], [4]],
    ['date month 2024-02', [filter('date/range', 'day', '2024-02')], [2, 3]],
    ['two filters together', [filter('string/=', 'kind', 'a'), filter('date/range', 'day', '2024-02')], [3]],
  ];
  for (const [name, filters, expected] of cases) test(name, () => assert.deepEqual(ids(filters), expected));

  const invalid: [Filter, string][] = [
    [filter('date/range', 'day', 'past30day'), 'Don\'t know how to parse date string "past30day"'],
    [filter('date/range', 'day', '~'), 'Don\'t know how to parse date string "~"'],
    [filter('date/range', 'day', '2024-13'), 'Don\'t know how to parse date string "2024-13"'],
    [filter('date/range', 'day', 'exclude-days-Foo'), 'Don\'t know how to parse date string "exclude-days-Foo"'],
    [filter('date/range', 'day', 'exclude-hours-24'), 'Don\'t know how to parse date string "exclude-hours-24"'],
    [filter('number/=', 'id', 'two'), 'Invalid number "two" for :id.'],
    [filter('string/=', 'kind', [{a: 1}]), 'A value for :kind must be a string or number, not {"a":1}.'],
  ];
  for (const [bad, message] of invalid)
    test(`refuses ${JSON.stringify(bad.value)} for ${bad.type}`, () =>
      assert.throws(() => rowFilter([bad], NOW), {message}));
});

describe('truncateDate', () => {
  const cases: [string, Parameters<typeof truncateDate>[1], string][] = [
    ['2024-02-15T12:00:00Z', 'day', '2024-02-15T00:00:00Z'],
    ['2024-02-15T12:00:00Z', 'week', '2024-02-11T00:00:00Z'],
    ['2024-02-15T12:00:00Z', 'month', '2024-02-01T00:00:00Z'],
    ['2024-05-15T12:00:00Z', 'quarter', '2024-04-01T00:00:00Z'],
    ['2024-05-15', 'year', '2024-01-01T00:00:00Z'],
  ];
  for (const [value, unit, expected] of cases)
    test(`${value} by ${unit}`, () => assert.equal(truncateDate(value, unit), expected));
});

describe('runQuery', () => {
  test('count and sum by month, sorted by the breakout', () => {
    const result = runQuery(
      {source: 't', aggregation: [['count'], ['sum', 'amount']], breakout: [{column: 'day', unit: 'month'}]},
      rows,
      [],
      NOW,
    );
    assert.deepEqual(
      result.cols.map((c) => [c.name, c.display_name, c.base_type]),
      [
        ['day', 'Day: Month', 'type/DateTime'],
        ['count', 'Count', 'type/BigInteger'],
        ['sum', 'Sum of Amount', 'type/Float'],
      ],
    );
    assert.deepEqual(result.rows, [
      ['2024-01-01T00:00:00Z', 1, 10.1],
      ['2024-02-01T00:00:00Z', 2, 50.5],
      ['2024-05-01T00:00:00Z', 1, null],
    ]);
  });

  test('a scalar over no rows still has one row', () => {
    assert.deepEqual(
      runQuery({source: 't', aggregation: [['count']]}, rows, [filter('string/=', 'kind', 'z')], NOW).rows,
      [[0]],
    );
  });

  test('order_by then limit on raw rows', () => {
    const result = runQuery(
      {
        source: 't',
        fields: ['id', 'kind'],
        order_by: [
          ['kind', 'desc'],
          ['id', 'desc'],
        ],
        limit: 3,
      },
      rows,
      [],
      NOW,
    );
    assert.deepEqual(result.rows, [
      [4, 'c'],
      [2, 'b'],
      [3, 'a'],
    ]);
    assert.deepEqual(
      result.cols.map((c) => c.display_name),
      ['ID', 'Kind'],
    );
  });

  test('avg, min, max, distinct; a second sum is named sum_2', () => {
    const result = runQuery(
      {
        source: 't',
        aggregation: [
          ['avg', 'amount'],
          ['min', 'id'],
          ['max', 'id'],
          ['distinct', 'kind'],
          ['sum', 'id'],
          ['sum', 'amount'],
        ],
      },
      rows,
      [],
      NOW,
    );
    assert.deepEqual(
      result.cols.map((c) => c.name),
      ['avg', 'min', 'max', 'distinct', 'sum', 'sum_2'],
    );
    assert.deepEqual(result.rows, [[20.2, 1, 4, 3, 10, 60.6]]);
  });
});

describe('toCsv', () => {
  test('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    const csv = toCsv({
      cols: [{name: 'a', display_name: 'A, "x"', base_type: 'type/Text'}],
      rows: [['=1+1'], ['plain'], [null], [-3]],
    });
    assert.equal(csv, '"A, ""x"""\n\'=1+1\nplain\n\n-3\n');
  });

  const col = (name: string, base_type: string, unit?: 'month' | 'quarter') => ({
    name,
    display_name: name,
    base_type,
    ...(unit ? {unit} : {}),
  });
  const cases: [string | number, ReturnType<typeof col>, VisualizationSettings, string][] = [
    [2000, col('n', 'type/Integer'), {}, '"2,000"'],
    [1234.567, col('n', 'type/Float'), {}, '"1,234.57"'],
    [
      -1234.5,
      col('n', 'type/Float'),
      {column_settings: {n: {number_style: 'currency', currency: 'USD'}}},
      '"-$1,234.50"',
    ],
    [0.25, col('n', 'type/Float'), {column_settings: {n: {number_style: 'percent'}}}, '25%'],
    ['2024-03-26', col('d', 'type/DateTime'), {}, '"March 26, 2024"'],
    ['2024-03-26T14:05:00Z', col('d', 'type/DateTime'), {}, '"March 26, 2024, 2:05 PM"'],
    ['2024-03-01T00:00:00Z', col('d', 'type/DateTime', 'month'), {}, '"March, 2024"'],
    ['2024-04-01T00:00:00Z', col('d', 'type/DateTime', 'quarter'), {}, 'Q2 2024'],
    ['=1+1', col('t', 'type/Text'), {}, "'=1+1"],
  ];
  for (const [value, column, settings, expected] of cases) {
    test(`format_rows=true writes ${JSON.stringify(value)} as ${expected}`, () => {
      const csv = toCsv({cols: [column], rows: [[value]]}, {formatRows: true, settings});
      assert.equal(csv.split('\n')[1], expected);
    });
  }
});
