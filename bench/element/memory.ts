// Item 6: JS heap and DOM counts after 1,000 connect/disconnect cycles of <metabase-embed>,
// next to the same page before them (after a warm-up), each read after forced collections
// (CDP HeapProfiler.collectGarbage) from Chromium's own counters (Performance.getMetrics).
import type {CDPSession} from 'puppeteer-core';
import {inPage} from '../lib/browser.js';
import {freshSession, type Section} from '../lib/context.js';
import {summarize} from '../lib/stats.js';
import {spread, type Row} from '../lib/table.js';

const cycles = 1_000;
const warmUpCycles = 20;
/** 1,000 cycles, each loading an embed, take about a minute: one run unless --memory-runs says more. */
const maxRuns = 1;
const counters = [
  ['JSHeapUsedSize', 'JS heap used, KiB', 1 / 1024],
  ['Nodes', 'DOM nodes', 1],
  ['JSEventListeners', 'event listeners', 1],
  ['Frames', 'frames', 1],
] as const;

async function countersAfterGc(cdp: CDPSession): Promise<Record<string, number>> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const {metrics} = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({name, value}) => [name, value]));
}

export const memory: Section = async ({stack, browser, runs}) => {
  const before: Record<string, number>[] = [];
  const after: Record<string, number>[] = [];
  for (let run = 0; run < Math.min(runs, maxRuns); run++) {
    const page = await browser.open(stack.hostOrigin, {scripts: ['element'], modules: ['memory']});
    const cdp = await page.createCDPSession();
    try {
      await cdp.send('Performance.enable');
      const session = freshSession('memory');
      await inPage(page, 'connectCycles', {count: warmUpCycles, session});
      before.push(await countersAfterGc(cdp));
      await inPage(page, 'connectCycles', {count: cycles, session});
      after.push(await countersAfterGc(cdp));
    } finally {
      await cdp.detach();
      await page.close();
    }
  }
  return counters.map(([name, label, scale]): Row => {
    const ours = summarize(after.map((metrics) => metrics[name] * scale));
    const baseline = summarize(before.map((metrics) => metrics[name] * scale));
    const growth = ours.median - baseline.median;
    return {
      item: '6 memory',
      measure: `${label} after ${cycles.toLocaleString('en-US')} connect/disconnect cycles (${after.length} runs)`,
      ours: spread(ours),
      baselineName: `before them (after ${warmUpCycles})`,
      baseline: spread(baseline),
      comparison: `${growth >= 0 ? '+' : '−'}${Math.abs(growth).toLocaleString('en-US', {maximumFractionDigits: 0})}`,
    };
  });
};
