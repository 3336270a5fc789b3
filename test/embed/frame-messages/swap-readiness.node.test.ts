import {test} from 'node:test';
import assert from 'node:assert/strict';
import {changeTiming, renewalTiming, swapWaitMs, type SwapWatch} from '../../../src/embed/frame-messages.js';

const loadedAt = 1_000_000;
const watch = (over: Partial<SwapWatch>): SwapWatch => ({
  renewal: false,
  shownHeight: 2360,
  height: undefined,
  loadedAt,
  changedAt: loadedAt,
  ...over,
});

test('a new frame as tall as the one on screen is swapped in at once, renewal or not', () => {
  for (const renewal of [false, true]) {
    assert.equal(swapWaitMs(watch({renewal, height: 2360}), loadedAt), 0);
    assert.equal(swapWaitMs(watch({renewal, height: 2500}), loadedAt), 0);
    assert.equal(swapWaitMs(watch({renewal, height: 2359}), loadedAt), 0, '1 px of rounding');
  }
});

test('a renewal still shorter waits for its full height until the cap, however quiet it is', () => {
  const shell = watch({renewal: true, height: 1037});
  assert.equal(swapWaitMs(shell, loadedAt), renewalTiming.capMs);
  assert.equal(swapWaitMs(shell, loadedAt + renewalTiming.capMs - 1), 1);
  assert.equal(swapWaitMs(shell, loadedAt + renewalTiming.capMs), 0);
  // Cards arriving late keep it waiting no longer than the cap from load.
  assert.equal(swapWaitMs({...shell, changedAt: loadedAt + 9_000}, loadedAt + 9_000), renewalTiming.capMs - 9_000);
});

test('a change the visitor waits for that stays shorter is swapped in once its height is quiet', () => {
  const shorter = watch({height: 800, changedAt: loadedAt + 100});
  assert.equal(swapWaitMs(shorter, loadedAt + 100), changeTiming.quietMs);
  assert.equal(swapWaitMs(shorter, loadedAt + 100 + changeTiming.quietMs - 1), 1);
  assert.equal(swapWaitMs(shorter, loadedAt + 100 + changeTiming.quietMs), 0);
});

test('a change whose height keeps moving is swapped in at the cap', () => {
  const drawing = watch({height: 900, changedAt: loadedAt + changeTiming.capMs - 10});
  assert.equal(swapWaitMs(drawing, loadedAt + changeTiming.capMs - 10), 10);
});

test('no height at all (no resizer, or none shown): the quiet time from load decides', () => {
  assert.equal(swapWaitMs(watch({shownHeight: undefined, height: 2360}), loadedAt), changeTiming.quietMs);
  assert.equal(swapWaitMs(watch({height: undefined}), loadedAt + changeTiming.quietMs), 0);
});
