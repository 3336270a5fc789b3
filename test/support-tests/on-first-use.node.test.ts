// test/support/on-first-use.ts: a plugin's server starts when first asked for, once, and is
// stopped only if it was started.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {onFirstUse} from '../support/on-first-use.js';

function counted(start: () => Promise<string> = () => Promise.resolve('server')) {
  const calls = {starts: 0, stops: [] as string[]};
  const server = onFirstUse(
    () => {
      calls.starts++;
      return start();
    },
    (running) => {
      calls.stops.push(running);
      return Promise.resolve();
    },
  );
  return {server, calls};
}

test('nothing starts, and nothing is stopped, when no test asks', async () => {
  const {server, calls} = counted();
  await server.stop();
  assert.deepEqual(calls, {starts: 0, stops: []});
});

test('starts once however many tests ask, at once or later, and stops what it started', async () => {
  const {server, calls} = counted();
  assert.deepEqual(await Promise.all([server.get(), server.get()]), ['server', 'server']);
  assert.equal(await server.get(), 'server');
  assert.equal(calls.starts, 1);
  await server.stop();
  assert.deepEqual(calls.stops, ['server']);
});

test('a start that failed is not stopped, and the asking test sees its error', async () => {
  const {server, calls} = counted(() => Promise.reject(new Error('port in use')));
  await assert.rejects(server.get(), /port in use/);
  await server.stop();
  assert.deepEqual(calls.stops, []);
});
