// Item 4: blank-or-short milliseconds around a token renewal, <metabase-embed> next to a
// static embed that reloads its iframe, both showing the emulator's sales dashboard.
import {inPage} from '../lib/browser.js';
import type {Section} from '../lib/context.js';
import {summarize} from '../lib/stats.js';
import {spread} from '../lib/table.js';

/** Each element run waits ~5 s for its renewal: three are enough for a spread. */
const maxRuns = 3;

export const renewal: Section = async ({stack, browser, runs}) => {
  const bad = {'metabase-embed': [] as number[], static: [] as number[]};
  for (let run = 0; run < Math.min(runs, maxRuns); run++) {
    for (const variant of ['metabase-embed', 'static'] as const) {
      const page = await browser.open(stack.hostOrigin, {scripts: ['element', 'resizer'], modules: ['renewal']});
      try {
        const result = await inPage<{blank: number; short: number; lowest: number; fullHeight: number}>(
          page,
          'renewal',
          {
            variant,
            emulatorOrigin: stack.emulatorOrigin,
          },
        );
        bad[variant].push(result.blank + result.short);
      } finally {
        await page.close();
      }
    }
  }
  return [
    {
      item: '4 renewal',
      measure: `ms blank or shorter than full height while a token is renewed (${bad.static.length} runs)`,
      ours: spread(summarize(bad['metabase-embed'])),
      baselineName: 'static embed reloading its iframe',
      baseline: spread(summarize(bad.static)),
      comparison: 'goal 0',
    },
  ];
};
