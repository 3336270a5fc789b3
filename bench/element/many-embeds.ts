// Item 5: token requests of 50 embeds on a long page, loading="lazy" next to eager.
import {inPage} from '../lib/browser.js';
import {freshSession, type Section} from '../lib/context.js';
import {summarize} from '../lib/stats.js';
import {spread, type Row} from '../lib/table.js';

/** Each run loads up to 50 iframes: three are enough for a spread. */
const maxRuns = 3;

export const manyEmbeds: Section = async ({stack, browser, runs}) => {
  const counts = {
    lazy: {atLoad: [] as number[], afterScroll: [] as number[]},
    eager: {atLoad: [] as number[], afterScroll: [] as number[]},
  };
  for (let run = 0; run < Math.min(runs, maxRuns); run++) {
    for (const loading of ['lazy', 'eager'] as const) {
      const page = await browser.open(stack.hostOrigin, {scripts: ['element'], modules: ['many-embeds']});
      try {
        const result = await inPage<{atLoad: number; afterScroll: number}>(page, 'manyEmbeds', {
          loading,
          session: freshSession(`many-${loading}`),
        });
        counts[loading].atLoad.push(result.atLoad);
        counts[loading].afterScroll.push(result.afterScroll);
      } finally {
        await page.close();
      }
    }
  }
  const row = (moment: 'atLoad' | 'afterScroll', measure: string): Row => ({
    item: '5 many embeds',
    measure,
    ours: spread(summarize(counts.lazy[moment])),
    baselineName: 'the same 50, eager',
    baseline: spread(summarize(counts.eager[moment])),
  });
  return [
    row('atLoad', `token requests of 50 loading="lazy" embeds at load (${counts.lazy.atLoad.length} runs)`),
    row('afterScroll', 'the same after scrolling to the end'),
  ];
};
