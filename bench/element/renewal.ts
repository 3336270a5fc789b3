// Item 4: blank-or-short milliseconds around a token renewal, <metabase-embed> next to a
// static embed that reloads its iframe, both showing the emulator's sales dashboard; then,
// with the emulator's cards answering one by one over 3 s, next to the element as it was
// before its frame swap read heights (bench/lib/before-bundle.ts), in the same run.
import {slowCardsMs} from '../lib/bench-stack.js';
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

const variants = {
  'metabase-embed': {scripts: ['element', 'resizer'], variant: 'metabase-embed', slow: false},
  static: {scripts: ['element', 'resizer'], variant: 'static', slow: false},
  'slow metabase-embed': {scripts: ['element'], variant: 'metabase-embed', slow: true},
  'slow before': {scripts: ['element-before'], variant: 'metabase-embed', slow: true},
} as const;
type Variant = keyof typeof variants;

export const renewal: Section = async ({stack, browser, runs}) => {
  const results = Object.fromEntries(Object.keys(variants).map((name) => [name, [] as RenewalResult[]])) as Record<
    Variant,
    RenewalResult[]
  >;
  for (let run = 0; run < Math.min(runs, maxRuns); run++) {
    for (const [name, {scripts, variant, slow}] of Object.entries(variants) as Array<
      [Variant, (typeof variants)[Variant]]
    >) {
      const page = await browser.open(stack.hostOrigin, {scripts: [...scripts], modules: ['renewal']});
      try {
        results[name].push(
          await inPage<RenewalResult>(page, 'renewal', {
            variant,
            emulatorOrigin: slow ? stack.slowEmulatorOrigin : stack.emulatorOrigin,
            endpoint: slow ? '/slow-emulator-sign' : '/emulator-sign',
            slow,
          }),
        );
      } finally {
        await page.close();
      }
    }
  }
  const figure = (variant: Variant, of: (result: RenewalResult) => number) =>
    spread(summarize(results[variant].map(of)));
  const row = (
    [ours, baseline, baselineName]: [Variant, Variant, string],
    measure: string,
    of: (result: RenewalResult) => number,
    comparison?: string,
  ): Row => ({
    item: '4 renewal',
    measure,
    ours: figure(ours, of),
    baselineName,
    baseline: figure(baseline, of),
    ...(comparison && {comparison}),
  });
  const fast: [Variant, Variant, string] = ['metabase-embed', 'static', 'static embed reloading its iframe'];
  const slow: [Variant, Variant, string] = [
    'slow metabase-embed',
    'slow before',
    'the element before (swap after 20 quiet animation frames)',
  ];
  const badMs = (result: RenewalResult) => result.blank + result.short;
  return [
    row(
      fast,
      `ms blank or shorter than full height while a token is renewed (${results.static.length} runs)`,
      badMs,
      'goal 0',
    ),
    row(fast, 'of which blank (new src, not loaded yet)', (result) => result.blank),
    row(
      fast,
      `lowest visible height, px (settled: ${figure('metabase-embed', (result) => result.fullHeight)})`,
      (result) => result.lowest,
    ),
    row(
      slow,
      `the same, cards answering one by one over ${slowCardsMs / 1000} s (emulator --card-delay ${slowCardsMs})`,
      badMs,
      'goal 0',
    ),
    row(
      slow,
      `lowest visible height then, px (settled: ${figure('slow metabase-embed', (result) => result.fullHeight)})`,
      (result) => result.lowest,
    ),
  ];
};
