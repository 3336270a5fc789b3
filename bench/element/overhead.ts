// Item 3: the element's overhead on two paths, median and p95 (Chromium), next to
// hand-written code (fetch + iframe; iframe-resizer alone) measured on the same servers.
// Per run: a fresh page per variant, variants interleaved; the table shows the median of the
// runs' medians (and p95s) with their spread.
import {inPage} from '../lib/browser.js';
import {freshSession, type Section} from '../lib/context.js';
import {difference, quantile, median, summarize} from '../lib/stats.js';
import {spread, type Row} from '../lib/table.js';

const samplesPerRun = 20;

const paths = [
  {
    fn: 'tokenToSrc',
    measure: 'token answer → iframe src set',
    baselineName: 'fetch + iframe by hand',
    scripts: ['element'],
  },
  {
    fn: 'heightToIframe',
    measure: 'content height change → iframe height',
    baselineName: 'iframe-resizer 4.3.2 alone',
    scripts: ['element', 'resizer'],
  },
] as const;

export const overhead: Section = async ({stack, browser, runs}) => {
  const rows: Row[] = [];
  for (const path of paths) {
    const perRun = {'metabase-embed': [] as number[][], baseline: [] as number[][]};
    for (let run = 0; run < runs; run++) {
      for (const variant of run % 2 === 0
        ? (['metabase-embed', 'baseline'] as const)
        : (['baseline', 'metabase-embed'] as const)) {
        const page = await browser.open(stack.hostOrigin, {scripts: [...path.scripts], modules: ['overhead']});
        try {
          const args = {
            variant,
            session: freshSession(path.fn),
            samples: samplesPerRun,
            embedOrigin: stack.embedOrigin,
          };
          perRun[variant].push(await inPage<number[]>(page, path.fn, args));
        } finally {
          await page.close();
        }
      }
    }
    for (const [label, statistic] of [
      ['median', median],
      ['p95', (samples: readonly number[]) => quantile(samples, 0.95)],
    ] as const) {
      const ours = summarize(perRun['metabase-embed'].map(statistic));
      const baseline = summarize(perRun.baseline.map(statistic));
      rows.push({
        item: '3 overhead',
        measure: `${path.measure}, ${label} ms (${samplesPerRun} per run)`,
        ours: spread(ours, 1),
        baselineName: path.baselineName,
        baseline: spread(baseline, 1),
        comparison: difference(ours.median, baseline.median),
      });
    }
  }
  return rows;
};
