// Bundle sizes against size-budget.json. Figures are printed on every run (as test diagnostics),
// so a change in size shows up in review even while it stays within budget.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {dependenciesGzipBytes, fileGzipBytes, ownCodeGzipBytes} from '../../scripts/bundle-sizes.js';

interface Budget {
  what: string;
  maxGzipBytes: number;
}

const budgets = JSON.parse(readFileSync('size-budget.json', 'utf8')) as Record<
  'cdnBundle' | 'cdnModuleBundle' | 'elementOwnCode',
  Budget
>;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function overBudgetMessage(name: keyof typeof budgets, measured: number): string {
  const {what, maxGzipBytes} = budgets[name];
  return (
    `${what}: ${measured} B gzip, over its budget of ${maxGzipBytes} B. ` +
    `If the growth is intended, set "${name}.maxGzipBytes" in size-budget.json to about ` +
    `${Math.ceil((measured * 1.02) / 100) * 100} (2% headroom) and say why in the commit message.`
  );
}

function checkBudget(name: keyof typeof budgets, measured: number) {
  const budget = budgets[name].maxGzipBytes;
  assert.ok(
    Number.isInteger(budget) && budget > 0,
    `size-budget.json: "${name}.maxGzipBytes" must be a positive integer`,
  );
  assert.ok(measured <= budget, overBudgetMessage(name, measured));
  return `${measured} B gzip (${kb(measured)}), budget ${budget} B, ${Math.round((measured / budget) * 100)}% used`;
}

test('the script-tag bundle stays within its gzip budget', async (t) => {
  const measured = fileGzipBytes('dist/cdn/metabase-embed.iife.js');
  const dependencies = await dependenciesGzipBytes();
  t.diagnostic(`dist/cdn/metabase-embed.iife.js: ${checkBudget('cdnBundle', measured)}`);
  t.diagnostic(
    `for comparison, lit + iframe-resizer alone (esbuild-minified): ${dependencies} B gzip (${kb(dependencies)})`,
  );
});

test('the ES module CDN bundle stays within its gzip budget', (t) => {
  const measured = fileGzipBytes('dist/cdn/metabase-embed.js');
  t.diagnostic(`dist/cdn/metabase-embed.js: ${checkBudget('cdnModuleBundle', measured)}`);
});

test("the element's own code stays within its gzip budget", async (t) => {
  const measured = await ownCodeGzipBytes('dist/metabase-embed.js');
  t.diagnostic(
    `dist/metabase-embed.js + own files, minified, without lit/iframe-resizer: ${checkBudget('elementOwnCode', measured)}`,
  );
});
