// Item 2: token requests caused by 20 changes, <metabase-embed> next to <naive-embed> (one
// request per change), in the same browser, each on a fresh page; and for typing, the time
// from the last change to the last value on screen.
import {inPage} from '../lib/browser.js';
import {freshSession, type Section} from '../lib/context.js';
import {summarize} from '../lib/stats.js';
import {spread} from '../lib/table.js';

const scenarios = [
  {name: 'burst', measure: 'requests for 20 filter changes in one task', goal: 'goal 1'},
  {name: 'typing', measure: 'requests for 20 filter changes 10 ms apart', goal: 'goal ≤ 3'},
  {name: 'appearance', measure: 'requests for 20 appearance changes', goal: 'goal 0'},
] as const;
/** Who runs: the element, <naive-embed>, and for typing the element as it was before its frame swap read heights. */
const variants = [
  {name: 'metabase-embed', tag: 'metabase-embed', script: 'element', only: undefined},
  {name: 'naive-embed', tag: 'naive-embed', script: 'element', only: undefined},
  {name: 'before', tag: 'metabase-embed', script: 'element-before', only: 'typing'},
] as const;

export const tokenRequests: Section = async ({stack, browser, runs}) => {
  const counts = new Map<string, number[]>();
  const lastShownMs = new Map<string, number[]>();
  for (let run = 0; run < runs; run++) {
    for (const {name: variant, tag, script, only} of variants) {
      const page = await browser.open(stack.hostOrigin, {
        scripts: [script],
        modules: ['naive-element', 'token-requests'],
      });
      try {
        for (const {name} of scenarios.filter((scenario) => !only || scenario.name === only)) {
          const {requests, ms} = await inPage<{requests: number; ms?: number}>(page, 'tokenRequests', {
            tag,
            scenario: name,
            session: freshSession(name),
          });
          counts.set(`${variant} ${name}`, [...(counts.get(`${variant} ${name}`) ?? []), requests]);
          if (ms !== undefined) lastShownMs.set(variant, [...(lastShownMs.get(variant) ?? []), ms]);
        }
      } finally {
        await page.close();
      }
    }
  }
  return [
    ...scenarios.map(({name, measure, goal}) => ({
      item: '2 token requests',
      measure,
      ours: spread(summarize(counts.get(`metabase-embed ${name}`)!)),
      baselineName: 'naive element',
      baseline: spread(summarize(counts.get(`naive-embed ${name}`)!)),
      comparison: goal,
    })),
    {
      item: '2 token requests',
      measure: 'ms from the last of those 20 changes to its value on screen',
      ours: spread(summarize(lastShownMs.get('metabase-embed')!)),
      baselineName: 'naive element',
      baseline: spread(summarize(lastShownMs.get('naive-embed')!)),
      comparison: 'goal ≤ ~300',
    },
    {
      item: '2 token requests',
      measure: 'the same',
      ours: spread(summarize(lastShownMs.get('metabase-embed')!)),
      baselineName: 'the element before (swap after 20 quiet animation frames)',
      baseline: spread(summarize(lastShownMs.get('before')!)),
      comparison: 'goal ≤ ~300',
    },
  ];
};
