// The token endpoint under load: autocannon, 100 connections for 20 s on loopback, each
// request a granted token request. No error, no timeout, no answer other than 200, and no
// heap growth (measured after a forced GC before and after). Throughput and latency are
// printed, never asserted: the machine is shared.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import autocannon from 'autocannon';
import {assertSafeAnswer, postRaw, serveAttackEndpoint, type AttackServer} from './endpoint-support.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const BODY = JSON.stringify({resource: {dashboard: 12}, params: {category: 'Gizmo'}});
/** Heap growth allowed over the run: well under one retained answer per request (a leak of 1 KB a request would be 12 MB here). */
const MAX_GROWTH_BYTES = 4 * 1024 * 1024;

let server: AttackServer;
before(async () => (server = await serveAttackEndpoint()));
after(() => server.close());

function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function blast(duration: number) {
  return autocannon({
    url: server.url,
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: BODY,
    connections: 100,
    duration,
  });
}

test('100 connections for 20 s: every answer a 200, no heap growth', {timeout: 120_000}, async () => {
  await blast(2); // warm-up: JIT, the imported key, socket buffers
  const before = settledHeap();
  const result = await blast(20);
  const afterRun = settledHeap();
  const growth = afterRun - before;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `  load: ${result.requests.total} requests in ${result.duration.toFixed(1)} s, ` +
      `${result.requests.average.toFixed(0)} req/s (median ${result.requests.p50}), ` +
      `latency median ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `heap ${mb(before)} MB → ${mb(afterRun)} MB (${growth >= 0 ? '+' : ''}${mb(growth)} MB)`,
  );
  assert.equal(result.errors, 0, 'connection errors');
  assert.equal(result.timeouts, 0, 'timeouts');
  assert.equal(result.non2xx, 0, 'answers other than 2xx');
  assert.ok(result.requests.total > 0);
  assert.ok(growth < MAX_GROWTH_BYTES, `the heap grew by ${mb(growth)} MB`);
  assert.deepEqual(server.failures, []);
  // And the endpoint still signs correctly afterwards.
  assertSafeAnswer(await postRaw(server.url, BODY), 'after the load');
});
