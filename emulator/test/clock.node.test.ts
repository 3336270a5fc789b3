// The `now` option: one injected clock for every token check, so a test moves the
// emulator's time instead of waiting for a token to expire. Over real HTTP, tokens signed
// with jsonwebtoken.
import {after, before, beforeEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator} from '../src/index.js';
import {TEST_SECRET, TestEmulator, dashcardPath, sign} from '../../support/emulator-node.js';

const T = 1_800_000_000; // seconds; where each test's clock starts
const EXP = T + 20; // a 20 s token, as the end-to-end renewal test signs
const salesToken = () => sign({resource: {dashboard: 1}, params: {tenant: 'Acme'}, exp: EXP});

describe('startEmulator({now}): an injected clock', () => {
  let clockMs = T * 1000;
  let emulator: TestEmulator;
  const setClock = (seconds: number) => (clockMs = seconds * 1000);
  before(async () => (emulator = await TestEmulator.start(undefined, {now: () => clockMs})));
  after(() => emulator.close());
  beforeEach(() => setClock(T));

  const expiredAnswer = [400, `Token is expired (${EXP})`];

  test('a token accepted at t is refused with "Token is expired (<exp>)" once the clock passes exp+60', async () => {
    const token = salesToken();
    assert.equal((await emulator.get(`/api/embed/dashboard/${token}`)).status, 200);
    setClock(EXP + 59);
    assert.equal((await emulator.get(`/api/embed/dashboard/${token}`)).status, 200, 'still inside the 60 s leeway');
    setClock(EXP + 61);
    const answer = await emulator.get(`/api/embed/dashboard/${token}`);
    assert.deepEqual([answer.status, answer.text], expiredAnswer);
  });

  test('query calls with the same token break at the same moment (as refresh=N shows)', async () => {
    const token = salesToken();
    assert.equal((await emulator.get(dashcardPath(token))).status, 202);
    setClock(EXP + 60); // exp <= now - 60: expired exactly here
    const answer = await emulator.get(dashcardPath(token));
    assert.deepEqual([answer.status, answer.text], expiredAnswer);
  });

  test('moving the clock back makes the same token valid again (nothing is cached)', async () => {
    const token = salesToken();
    setClock(EXP + 600);
    assert.equal((await emulator.get(`/api/embed/dashboard/${token}`)).status, 400);
    setClock(T);
    assert.equal((await emulator.get(`/api/embed/dashboard/${token}`)).status, 200);
  });

  test('nbf reads the same clock: valid from nbf-60', async () => {
    const token = sign({resource: {dashboard: 1}, params: {tenant: 'Acme'}, nbf: T + 300});
    const refused = await emulator.get(`/api/embed/dashboard/${token}`);
    assert.deepEqual([refused.status, refused.text], [400, `Token is not yet valid (${T + 300})`]);
    setClock(T + 240);
    assert.equal((await emulator.get(`/api/embed/dashboard/${token}`)).status, 200);
  });

  test('download file names are stamped with the injected time', async () => {
    const csv = await emulator.get(`${dashcardPath(salesToken())}/csv`);
    const stamp = new Date(T * 1000).toISOString().replace(/[:.]/g, '-');
    assert.equal(csv.headers.get('content-disposition'), `attachment; filename="query_result_${stamp}.csv"`);
  });
});

describe('startEmulator({now}): bad clocks', () => {
  test('a now that is not a function is a clear TypeError naming the option', async () => {
    await assert.rejects(startEmulator({secretKey: TEST_SECRET, now: 1_800_000_000_000 as unknown as () => number}), {
      name: 'TypeError',
      message: 'now must be a function returning epoch milliseconds (got number).',
    });
  });

  test('a clock reading that is not a finite number accepts no token: 500, never a pass', async (context) => {
    const errors = context.mock.method(console, 'error', () => undefined);
    const emulator = await TestEmulator.start(undefined, {now: () => Number.NaN});
    try {
      const answer = await emulator.get(`/api/embed/dashboard/${salesToken()}`);
      assert.deepEqual([answer.status, answer.text], [500, 'Internal error in the emulator.']);
      assert.match(
        String(errors.mock.calls[0]?.arguments[1]),
        /now\(\) must return epoch milliseconds as a finite number \(got NaN\)/,
      );
    } finally {
      await emulator.close();
    }
  });
});
