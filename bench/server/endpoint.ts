// Item 7: requests/s and p99 latency of the token endpoint under autocannon on loopback
// (bounded: a fixed count of requests, and stopped after a time limit whatever it reached),
// createEmbedHandler next to the bare jsonwebtoken endpoint of Metabase's reference app.
// Each server runs in its own process; variants alternate, after one discarded warm-up each.
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import autocannon from 'autocannon';
import type {PlainSection} from '../lib/context.js';
import {ratio, summarize} from '../lib/stats.js';
import {spread, type Row} from '../lib/table.js';
import {REQUEST_BODY, type EndpointName} from './endpoints.js';

const requestsPerRun = 4_000;
const maxSecondsPerRun = 15;
const connections = 10;
const names: EndpointName[] = ['createEmbedHandler', 'bare jsonwebtoken'];

async function startServer(name: EndpointName) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('endpoint-server.ts', import.meta.url).pathname, name],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const [line] = (await once(createInterface({input: child.stdout}), 'line')) as [string];
  const {port} = JSON.parse(line) as {port: number};
  return {
    url: `http://127.0.0.1:${port}/embed`,
    stop: () => new Promise((resolve) => child.once('exit', resolve).stdin.end()),
  };
}

async function load(url: string, amount: number) {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {url, method: 'POST' as const, headers: {'content-type': 'application/json'}, body: REQUEST_BODY};
    const instance = autocannon({...options, connections, amount}, (error, result) => {
      clearTimeout(timer);
      if (error) reject(error as Error);
      else resolve(result);
    });
    const timer = setTimeout(() => instance.stop(), maxSecondsPerRun * 1000);
  });
  if (result.errors > 0 || result.non2xx > 0)
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return {perSecond: result.requests.total / result.duration, p99: result.latency.p99};
}

export const endpoint: PlainSection = async ({runs}) => {
  const samples = Object.fromEntries(
    names.map((name) => [name, {perSecond: [] as number[], p99: [] as number[]}]),
  ) as Record<EndpointName, {perSecond: number[]; p99: number[]}>;
  for (let run = -1; run < runs; run++) {
    for (const name of run % 2 === 0 ? names : [...names].reverse()) {
      const server = await startServer(name);
      try {
        const result = await load(server.url, run < 0 ? requestsPerRun / 4 : requestsPerRun);
        if (run < 0) continue; // warm-up
        samples[name].perSecond.push(result.perSecond);
        samples[name].p99.push(result.p99);
      } finally {
        await server.stop();
      }
    }
  }
  const {createEmbedHandler: ours, 'bare jsonwebtoken': bare} = samples;
  const row = (measure: string, of: 'perSecond' | 'p99'): Row => ({
    item: '7 token endpoint',
    measure,
    ours: spread(summarize(ours[of])),
    baselineName: "bare jsonwebtoken (Metabase's reference app)",
    baseline: spread(summarize(bare[of])),
    comparison: ratio(summarize(ours[of]).median, summarize(bare[of]).median),
  });
  const setup = `autocannon, ${connections} connections, ${requestsPerRun.toLocaleString('en-US')} requests or ${maxSecondsPerRun} s`;
  return [row(`requests/s (${setup})`, 'perSecond'), row('p99 latency, ms', 'p99')];
};
