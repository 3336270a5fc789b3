import {test} from 'node:test';
import assert from 'node:assert/strict';
import {firstDashboardRows, type FirstDashboardSamples, type Timings} from '../../bench/network/first-dashboard.js';
import {variants, type Variant} from '../../bench/network/first-dashboard-stack.js';

// Made-up samples (no browser): variant i loads at 1000 + 100·i ms from the navigation and
// 500 + 10·i ms from its start, ±1 between the two runs.
const samples: FirstDashboardSamples = new Map([
  [
    '100 ms RTT, Metabase on another site',
    new Map(
      variants.map((variant, i): [Variant, Timings] => [
        variant,
        {fromNavigation: [999 + 100 * i, 1001 + 100 * i], fromInsertion: [499 + 10 * i, 501 + 10 * i]},
      ]),
    ),
  ],
]);

test('each profile gives six rows from the navigation and three from the insertion, each beside its baseline', () => {
  const rows = firstDashboardRows(samples);
  assert.equal(rows.length, 9);
  assert.ok(rows.every((row) => row.item === '+ first dashboard'));
  const at = (variant: Variant) => variants.indexOf(variant);
  // element, endpoint (0) against the pre-signed iframe (5): 1,000 against 1,500.
  assert.equal(rows[0]!.ours, '1,000 (999–1,001)');
  assert.equal(rows[0]!.baselineName, 'pre-signed iframe');
  assert.equal(rows[0]!.baseline, `${(1000 + 100 * at('pre-signed iframe')).toLocaleString('en-US')} (1,499–1,501)`);
  assert.equal(rows[0]!.comparison, '−500 ms, goal ≤ 1 RTT');
  assert.match(
    rows[0]!.measure,
    /^100 ms RTT, Metabase on another site: ms from navigation .*\(2 runs\): element, endpoint$/,
  );
  // The last row: the server-rendered token (3) from its start, against the pre-signed iframe (5).
  assert.equal(rows[8]!.ours, '530 (529–531)');
  assert.equal(rows[8]!.comparison, '−20 ms, goal: a few ms');
});
