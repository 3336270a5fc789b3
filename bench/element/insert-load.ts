// Insert → loaded, <metabase-embed> next to a plain pre-signed iframe and to fetch + iframe
// by hand. Each sample on a fresh page; variants interleaved in a rotating order, after one
// discarded warm-up round.
import {inPage} from '../lib/browser.js';
import {freshSession, type Section} from '../lib/context.js';
import {difference, summarize} from '../lib/stats.js';
import {spread, type Row} from '../lib/table.js';

const samplesPerRun = 4;
const variants = ['metabase-embed', 'fetch + iframe', 'plain iframe'] as const;

export const insertLoad: Section = async ({stack, browser, runs}) => {
  const samples = Object.fromEntries(variants.map((variant) => [variant, [] as number[]])) as Record<
    (typeof variants)[number],
    number[]
  >;
  for (let round = -1; round < runs * samplesPerRun; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(i + Math.max(round, 0)) % variants.length]!;
      const page = await browser.open(stack.hostOrigin, {scripts: ['element'], modules: ['insert-load']});
      try {
        const elapsed = await inPage<number>(page, 'insertToLoad', {variant, session: freshSession('load')});
        if (round >= 0) samples[variant].push(elapsed);
      } finally {
        await page.close();
      }
    }
  }
  const ours = summarize(samples['metabase-embed']);
  return variants.slice(1).map((baseline): Row => ({
    item: '+ insert → loaded',
    measure:
      baseline === variants[1]
        ? `ms from insertion to the embed page's load (${ours.n} samples, fresh pages)`
        : 'the same',
    ours: spread(ours, 1),
    baselineName: baseline === 'plain iframe' ? 'plain iframe, URL signed beforehand' : 'fetch + iframe by hand',
    baseline: spread(summarize(samples[baseline]), 1),
    comparison: difference(ours.median, summarize(samples[baseline]).median),
  }));
};
