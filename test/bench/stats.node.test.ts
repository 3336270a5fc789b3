import {test} from 'node:test';
import assert from 'node:assert/strict';
import {difference, median, quantile, ratio, summarize} from '../../bench/lib/stats.js';
import {renderTable, spread} from '../../bench/lib/table.js';

test('median of an odd count is the middle value, of an even count the mean of the two middle ones', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
});

test('quantile takes the nearest rank: p95 of 1..20 is 19, of 1..100 is 95, p100 is the max', () => {
  const oneTo = (n: number) => Array.from({length: n}, (_, i) => n - i); // unsorted on purpose
  assert.equal(quantile(oneTo(20), 0.95), 19);
  assert.equal(quantile(oneTo(100), 0.95), 95);
  assert.equal(quantile(oneTo(3), 1), 3);
  assert.equal(quantile(oneTo(3), 0), 1);
});

test('summaries and quantiles refuse what has no answer', () => {
  assert.throws(() => median([]), RangeError);
  assert.throws(() => summarize([]), RangeError);
  assert.throws(() => quantile([1], 1.5), /from 0 to 1, got 1.5/);
});

test('summarize gives n, median, min, max and p95 without reordering its input', () => {
  const samples = [3, 9, 1, 5];
  assert.deepEqual(summarize(samples), {n: 4, median: 4, min: 1, max: 9, p95: 9});
  assert.deepEqual(samples, [3, 9, 1, 5]);
});

test('ratio: two digits below 1×, one up to 10×, none above; a zero baseline compares with nothing', () => {
  assert.equal(ratio(1, 4), '0.25×');
  assert.equal(ratio(3, 2), '1.5×');
  assert.equal(ratio(250, 10), '25×');
  assert.equal(ratio(5, 0), '–');
});

test('difference carries its sign, a true minus below zero', () => {
  assert.equal(difference(12.34, 10), '+2.3 ms');
  assert.equal(difference(96.9, 116.2), '−19.3 ms');
  assert.equal(difference(5, 5, 'B', 0), '+0 B');
});

test('spread shows "median (min–max)", or the value alone when all samples agree', () => {
  assert.equal(spread(summarize([10.26, 9.9, 12.04]), 1, 'ms'), '10.3 ms (9.9–12.0)');
  assert.equal(spread(summarize([20, 20, 20])), '20');
  assert.equal(spread(summarize([1500, 2500, 2000])), '2,000 (1,500–2,500)');
});

test('renderTable pads every column to its widest cell, header and rule first', () => {
  const table = renderTable([
    {item: '1 size', measure: 'gzip B', ours: '24,000', baselineName: 'floor', baseline: '12,000', comparison: '2.0×'},
    {item: '2 token requests', measure: 'burst', ours: '1', comparison: 'goal 1'},
  ]);
  assert.equal(
    table,
    [
      '| #                | measure | metabase-embed | baseline | baseline figure | ratio / goal |',
      '|------------------|---------|----------------|----------|-----------------|--------------|',
      '| 1 size           | gzip B  | 24,000         | floor    | 12,000          | 2.0×         |',
      '| 2 token requests | burst   | 1              |          |                 | goal 1       |',
    ].join('\n'),
  );
});
