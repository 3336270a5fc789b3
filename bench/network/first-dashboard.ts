// The first dashboard on a network with latency: from the navigation to the page to its
// embed's load (the element's metabase-embed-load, the iframe's load event otherwise), for the
// element asking its endpoint, the element with a server-rendered first token, and two
// hand-written baselines (a pre-signed iframe, fetch + iframe), each with and without a
// preconnect hint to Metabase's origin. Every sample is a fresh page with the cache off and
// every connection closed before it, as a visitor's first page (not a fresh incognito
// context: Chromium ignores preconnect hints there). Variants rotate per round, after one
// discarded warm-up round.
import {PredefinedNetworkConditions} from 'puppeteer-core';
import {launchChromium} from '../../support/chromium.js';
import type {PlainSection} from '../lib/context.js';
import {difference, summarize} from '../lib/stats.js';
import {spread, type Row} from '../lib/table.js';
import {
  hostResolverFlag,
  startFirstDashboardStack,
  variants,
  type MetabaseSite,
  type Variant,
} from './first-dashboard-stack.js';

/** Chromium's learned preconnects would speed every variant up after a few runs: a first visit has none. */
const noLearnedPreconnects = '--disable-features=LoadingPredictorUseLocalPredictions';

interface Profile {
  name: string;
  site: MetabaseSite;
  /** Chromium's network emulation (bytes/s, -1 for no limit; ms added to every request). */
  conditions: {download: number; upload: number; latency: number};
  /** Extra cost of each new connection (the proxies), ms. */
  setupMs: number;
}

const rtt = 100;
const latency = {download: -1, upload: -1, latency: rtt};
export const profiles: Profile[] = [
  // As Lighthouse's DevTools throttling: latency per request, connections free.
  {name: `${rtt} ms RTT`, site: 'another site', conditions: latency, setupMs: 0},
  // The same, and a new connection costs a TCP and a TLS 1.3 handshake first.
  {name: `${rtt} ms RTT, +2 RTT per connection`, site: 'another site', conditions: latency, setupMs: 2 * rtt},
  {name: `${rtt} ms RTT, +2 RTT per connection`, site: 'same site', conditions: latency, setupMs: 2 * rtt},
  // DevTools' preset: 562.5 ms per request, 1.44 Mbps down, 675 kbps up.
  {name: 'Fast 3G', site: 'another site', conditions: PredefinedNetworkConditions['Fast 3G'], setupMs: 0},
];
const profileName = (profile: Profile) => `${profile.name}, Metabase on ${profile.site}`;

/** What each row compares: ours, then its baseline, from the same profile and run. */
const comparisons: [Variant, Variant, string?][] = [
  ['element, endpoint', 'pre-signed iframe', 'goal ≤ 1 RTT'],
  ['element, endpoint', 'fetch + iframe'],
  ['element, server-rendered token', 'pre-signed iframe', 'goal: a few ms'],
  ['element, endpoint, site-url', 'element, endpoint'],
  ['element, endpoint + link', 'element, endpoint'],
  ['element, server-rendered token + link', 'element, server-rendered token'],
];

/** One variant's samples, in ms to the embed's load: from the navigation, and from the embed's insertion (the goals are for that one). */
export interface Timings {
  fromNavigation: number[];
  fromInsertion: number[];
}
export type FirstDashboardSamples = Map<string, Map<Variant, Timings>>;

/** Samples of each variant under each profile. */
export async function measureFirstDashboard(
  runs: number,
  only: readonly Profile[] = profiles,
): Promise<{version: string; samples: FirstDashboardSamples}> {
  const stack = await startFirstDashboardStack();
  const {browser, close} = await launchChromium('bench-network', [hostResolverFlag, noLearnedPreconnects]);
  const samples: FirstDashboardSamples = new Map();
  try {
    for (const profile of only) {
      const byVariant = new Map(
        variants.map((variant): [Variant, Timings] => [variant, {fromNavigation: [], fromInsertion: []}]),
      );
      samples.set(profileName(profile), byVariant);
      for (const proxy of stack.proxies) proxy.setupMs = profile.setupMs;
      for (let round = -1; round < runs; round++) {
        for (let i = 0; i < variants.length; i++) {
          const variant = variants[(i + Math.max(round, 0)) % variants.length]!;
          for (const proxy of stack.proxies) proxy.dropConnections();
          const page = await browser.newPage();
          try {
            page.on('pageerror', (error) => console.error(`page error (${variant}): ${String(error)}`));
            await page.setCacheEnabled(false);
            await page.emulateNetworkConditions(profile.conditions);
            await page.goto(stack.pageUrl(variant, profile.site), {waitUntil: 'domcontentloaded', timeout: 60_000});
            const {start, load} = (await page.evaluate('window.firstDashboard')) as {start: number; load: number};
            if (round < 0) continue;
            byVariant.get(variant)!.fromNavigation.push(load);
            byVariant.get(variant)!.fromInsertion.push(load - start);
          } finally {
            await page.close();
          }
        }
      }
    }
    return {version: await browser.version(), samples};
  } finally {
    await close();
    await stack.close();
  }
}

export function firstDashboardRows(samples: FirstDashboardSamples): Row[] {
  const rows: Row[] = [];
  for (const [profile, byVariant] of samples) {
    const timings = (variant: Variant) => byVariant.get(variant)!;
    const row = (measure: string, ours: Variant, baseline: Variant, pick: keyof Timings, goal?: string): Row => {
      const [mine, theirs] = [summarize(timings(ours)[pick]), summarize(timings(baseline)[pick])];
      const comparison = difference(mine.median, theirs.median, 'ms', 0);
      return {
        item: '+ first dashboard',
        measure,
        ours: spread(mine),
        baselineName: baseline,
        baseline: spread(theirs),
        comparison: goal ? `${comparison}, ${goal}` : comparison,
      };
    };
    const runs = timings(variants[0]).fromNavigation.length;
    comparisons.forEach(([ours, baseline, goal], index) => {
      const what =
        index === 0
          ? `${profile}: ms from navigation to the embed's load (${runs} runs): ${ours}`
          : `${profile}: ${ours}`;
      rows.push(row(what, ours, baseline, 'fromNavigation', goal));
    });
    comparisons.slice(0, 3).forEach(([ours, baseline, goal], index) => {
      const what =
        index === 0
          ? `${profile}: ms from the embed's insertion (element upgraded, iframe written, fetch sent) to its load: ${ours}`
          : `${profile}: the same, ${ours}`;
      rows.push(row(what, ours, baseline, 'fromInsertion', goal));
    });
  }
  return rows;
}

/** The section: its own Chromium (with the *.test names) and servers. */
export const firstDashboard: PlainSection = async ({runs}) => {
  const {version, samples} = await measureFirstDashboard(runs);
  console.error(`first-dashboard: ${version}`); // its own Chromium: the table's line does not name it
  return firstDashboardRows(samples);
};
