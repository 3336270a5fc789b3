// Signing alone (no HTTP): signEmbedToken, and the handler's signing path with its key
// imported once, next to jsonwebtoken.sign (what Metabase's reference Node snippet uses).
// Bounded loops of awaited calls; the table shows the median and spread of the rounds.
import jwt from 'jsonwebtoken';
import {signEmbedToken} from '../../src/server/index.js';
import {embedClaims, importSigningKey, signClaims} from '../../src/server/sign.js';
import type {PlainSection} from '../lib/context.js';
import {ratio, summarize} from '../lib/stats.js';
import {spread} from '../lib/table.js';
import {SECRET} from './endpoints.js';

const signsPerRound = 5_000;
const params = {category: ['Widget', 'Gizmo'], tenant: 7};

async function perSecond(rounds: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < signsPerRound / 10; i++) await run(); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < signsPerRound; i++) await run();
    rates.push(signsPerRound / ((performance.now() - start) / 1000));
  }
  return rates;
}

export const signing: PlainSection = async ({runs}) => {
  const now = () => Math.floor(Date.now() / 1000);
  const key = await importSigningKey(SECRET);
  const baseline = summarize(
    await perSecond(runs, () =>
      Promise.resolve(jwt.sign({resource: {dashboard: 12}, params, iat: now(), exp: now() + 600}, SECRET)),
    ),
  );
  const variants = [
    [
      'signEmbedToken (validates, imports the key per call)',
      () => signEmbedToken({secretKey: SECRET, resource: {dashboard: 12}, params}),
    ],
    [
      "the handler's signing path (key imported once)",
      () => signClaims(embedClaims({type: 'dashboard', id: 12}, params, 600, now()), key),
    ],
  ] as const;
  const rows = [];
  for (const [name, run] of variants) {
    const ours = summarize(await perSecond(runs, run));
    rows.push({
      item: '7 token endpoint',
      measure: `signing alone, tokens/s: ${name}`,
      ours: spread(ours),
      baselineName: 'jsonwebtoken.sign',
      baseline: spread(baseline),
      comparison: ratio(ours.median, baseline.median),
    });
  }
  return rows;
};
