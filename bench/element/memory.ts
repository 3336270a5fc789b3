// Item 6: JS heap and DOM counts before and after 1,000 connect/disconnect cycles of
// <metabase-embed>, next to the same cycles done by hand (fetch + iframe + iframe-resizer),
// each read after forced collections (CDP HeapProfiler.collectGarbage) from Chromium's own
// counters (Performance.getMetrics). "Before" is after a warm-up, so lazily built caches
// (compiled code, lit's templates) are not counted as growth.
import type {CDPSession} from 'puppeteer-core';
import {inPage} from '../lib/browser.js';
import {freshSession, type Section} from '../lib/context.js';
import type {Row} from '../lib/table.js';

const cycles = 1_000;
const warmUpCycles = 20;
const variants = ['metabase-embed', 'by hand'] as const;
const counters = [
  ['JSHeapUsedSize', 'JS heap used, KiB', 1 / 1024],
  ['Nodes', 'DOM nodes', 1],
  ['JSEventListeners', 'event listeners', 1],
  ['Frames', 'frames', 1],
] as const;

type Metrics = Record<(typeof counters)[number][0], number>;

async function countersAfterGc(cdp: CDPSession): Promise<Metrics> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const {metrics} = await cdp.send('Performance.getMetrics');
  const byName = new Map(metrics.map(({name, value}) => [name, value]));
  const read = (name: string) => {
    const value = byName.get(name);
    if (value === undefined) throw new Error(`Chromium reported no ${name} metric`);
    return value;
  };
  return Object.fromEntries(counters.map(([name]) => [name, read(name)])) as Metrics;
}

const number = (value: number) => value.toLocaleString('en-US', {maximumFractionDigits: 0});

/** "+307 (1,336 → 1,643)" */
function growth(before: number, after: number): string {
  const change = after - before;
  return `${change >= 0 ? '+' : '−'}${number(Math.abs(change))} (${number(before)} → ${number(after)})`;
}

// One run per variant: 1,000 cycles, each loading an embed, take one to two minutes here.
export const memory: Section = async ({stack, browser}) => {
  const readings = new Map<string, {before: Metrics; after: Metrics}>();
  for (const variant of variants) {
    const page = await browser.open(stack.hostOrigin, {scripts: ['element', 'resizer'], modules: ['memory']});
    const cdp = await page.createCDPSession();
    try {
      await cdp.send('Performance.enable');
      const args = {variant, session: freshSession('memory'), embedOrigin: stack.embedOrigin};
      await inPage(page, 'connectCycles', {...args, count: warmUpCycles});
      const before = await countersAfterGc(cdp);
      await inPage(page, 'connectCycles', {...args, count: cycles});
      readings.set(variant, {before, after: await countersAfterGc(cdp)});
    } finally {
      await cdp.detach();
      await page.close();
    }
  }
  const ours = readings.get('metabase-embed')!;
  const byHand = readings.get('by hand')!;
  return counters.map(([name, label, scale]): Row => ({
    item: '6 memory',
    measure: `${label}: change over ${number(cycles)} connect/disconnect cycles (before → after, 1 run)`,
    ours: growth(ours.before[name] * scale, ours.after[name] * scale),
    baselineName: 'fetch + iframe + iframe-resizer by hand',
    baseline: growth(byHand.before[name] * scale, byHand.after[name] * scale),
  }));
};
