// The embed page's 100 ms poll (emulator/README.md#frame), on a fake clock: nothing before the
// first 100 ms, each watched thing posted once at the first tick, then only when it changed,
// and never between ticks.
import {afterEach, beforeEach, test} from 'node:test';
import assert from 'node:assert/strict';
import sinon from 'sinon';
import {POLL_MS, pollChanges} from '../src/page/client/poll.js';

let clock: sinon.SinonFakeTimers;
beforeEach(() => {
  clock = sinon.useFakeTimers();
});
afterEach(() => clock.restore());

function watchedPage() {
  const page = {href: 'https://mb.test/embed/dashboard/t', height: 300};
  const posted: string[] = [];
  const stop = pollChanges([
    {read: () => page.href, key: (href) => href, post: (href) => posted.push(`location ${href}`)},
    {
      read: () => ({mode: 'normal', height: page.height}),
      key: (frame) => `${frame.mode}|${frame.height}`,
      post: (frame) => posted.push(`frame ${frame.height}`),
    },
  ]);
  return {page, posted, stop};
}

// Literal times, not POLL_MS: they pin the interval to Metabase's 100 ms.
test('nothing is posted before the first 100 ms; then the location and the frame, once each', () => {
  const {posted} = watchedPage();
  clock.tick(99);
  assert.deepEqual(posted, []);
  clock.tick(1);
  assert.deepEqual(posted, ['location https://mb.test/embed/dashboard/t', 'frame 300']);
  clock.tick(10 * POLL_MS);
  assert.equal(posted.length, 2); // nothing changed: nothing more
});

test('a change is posted at the next tick, not before, and only what changed', () => {
  const {page, posted} = watchedPage();
  clock.tick(POLL_MS);
  posted.length = 0;
  clock.tick(30);
  page.height = 420;
  clock.tick(69);
  assert.deepEqual(posted, []); // 199 ms: still waiting for the tick
  clock.tick(1);
  assert.deepEqual(posted, ['frame 420']);
  page.href += '?category=Gizmo';
  page.height = 300; // back to an earlier height: still a change from the last one posted
  clock.tick(POLL_MS);
  assert.deepEqual(posted, ['frame 420', 'location https://mb.test/embed/dashboard/t?category=Gizmo', 'frame 300']);
});

test('two changes inside one interval post only the state at the tick', () => {
  const {page, posted} = watchedPage();
  clock.tick(POLL_MS);
  posted.length = 0;
  page.height = 500;
  clock.tick(50);
  page.height = 510;
  clock.tick(50);
  assert.deepEqual(posted, ['frame 510']);
});

test('stopping the poll posts nothing more', () => {
  const {page, posted, stop} = watchedPage();
  clock.tick(POLL_MS);
  stop();
  page.height = 999;
  clock.tick(10 * POLL_MS);
  assert.deepEqual(posted, ['location https://mb.test/embed/dashboard/t', 'frame 300']);
});
