// Item 4: blank-or-short milliseconds around a token renewal, <metabase-embed> next to a
// static embed that reloads its iframe, both showing the emulator's sales dashboard.
import {inPage} from '../lib/browser.js';
import type {Section} from '../lib/context.js';
import {summarize} from '../lib/stats.js';
import {spread, type Row} from '../lib/table.js';

/** Each element run waits ~5 s for its renewal: three are enough for a spread. */
const maxRuns = 3;

interface RenewalResult {
  /** ms the visible frame had a new src and no load yet */
  blank: number;
  /** ms it was loaded but shorter than its settled height */
  short: number;
  /** its lowest height in px, and the settled one */
  lowest: number;
  fullHeight: number;
}

export const renewal: Section = async ({stack, browser, runs}) => {
  const results = {'metabase-embed': [] as RenewalResult[], static: [] as RenewalResult[]};
  for (let run = 0; run < Math.min(runs, maxRuns); run++) {
    for (const variant of ['metabase-embed', 'static'] as const) {
      const page = await browser.open(stack.hostOrigin, {scripts: ['element', 'resizer'], modules: ['renewal']});
      try {
        results[variant].push(
          await inPage<RenewalResult>(page, 'renewal', {variant, emulatorOrigin: stack.emulatorOrigin}),
        );
      } finally {
        await page.close();
      }
    }
  }
  const figure = (variant: keyof typeof results, of: (result: RenewalResult) => number) =>
    spread(summarize(results[variant].map(of)));
  const row = (measure: string, of: (result: RenewalResult) => number, comparison?: string): Row => ({
    item: '4 renewal',
    measure,
    ours: figure('metabase-embed', of),
    baselineName: 'static embed reloading its iframe',
    baseline: figure('static', of),
    ...(comparison && {comparison}),
  });
  return [
    row(
      `ms blank or shorter than full height while a token is renewed (${results.static.length} runs)`,
      (result) => result.blank + result.short,
      'goal 0',
    ),
    row('of which blank (new src, not loaded yet)', (result) => result.blank),
    row(
      `lowest visible height, px (settled: ${figure('metabase-embed', (result) => result.fullHeight)})`,
      (result) => result.lowest,
    ),
  ];
};
