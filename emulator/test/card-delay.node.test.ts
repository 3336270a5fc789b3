// The cardDelayMs option (emulator/README.md#slow-cards): card queries answer late, one after
// another over the delay. The API is called directly under a mocked setTimeout: no waiting.
import {afterEach, beforeEach, describe, mock, test} from 'node:test';
import assert from 'node:assert/strict';
import {createEmbedApi} from '../src/http/api.js';
import {cardDelay} from '../src/http/card-delay.js';
import {matchRoute} from '../src/http/routes.js';
import {createContentStore} from '../src/content/store.js';
import {generateSampleTables} from '../src/content/sample-data.js';
import {sampleContent} from '../src/content/sample-content.js';
import {validateContent} from '../src/content/validate.js';
import {hmacKey} from '../src/rules/secret.js';
import {startEmulator} from '../src/index.js';
import {TEST_SECRET, dashboardToken, questionToken} from '../../support/emulator-node.js';

test('the n-th of N cards waits delay·n/N: the first soon, the last the whole delay', () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5].map((index) => cardDelay(3000, index, 6)),
    [500, 1000, 1500, 2000, 2500, 3000],
  );
  assert.equal(cardDelay(3000, 0, 1), 3000);
  assert.equal(cardDelay(0, 5, 6), 0);
});

test('startEmulator refuses a delay that is not a whole number of ms from 0 to 10 minutes', async () => {
  for (const bad of [-1, 1.5, Number.NaN, 600_001, '100'])
    await assert.rejects(
      startEmulator({secretKey: TEST_SECRET, cardDelayMs: bad as number}),
      /cardDelayMs must be a whole number of milliseconds from 0 to 600000/,
    );
});

describe('createEmbedApi({cardDelayMs})', () => {
  /** Timers the API has set since the test began (token checks are async: wait for them). */
  let scheduled = 0;
  beforeEach(() => {
    mock.timers.enable({apis: ['setTimeout']});
    scheduled = 0;
    const mocked = globalThis.setTimeout;
    mock.method(globalThis, 'setTimeout', (...args: Parameters<typeof setTimeout>) => {
      scheduled++;
      return mocked(...args);
    });
  });
  afterEach(() => {
    mock.restoreAll();
    mock.timers.reset();
  });

  const content = validateContent(sampleContent(), generateSampleTables);
  const api = createEmbedApi({
    store: createContentStore(content),
    key: () => hmacKey(TEST_SECRET),
    now: Date.now,
    cardDelayMs: 3000,
  });
  const call = (path: string) => {
    const route = matchRoute(path);
    if (route.kind !== 'api') throw new Error(`not an API path: ${path}`);
    return api(route.route, new URLSearchParams());
  };
  /** Settles promise work (the mocked clock leaves setImmediate alone). */
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  const timersSet = async (count: number) => {
    while (scheduled < count) await flush();
  };

  test("a dashboard's cards answer one after another, in its order; the dashboard itself at once", async () => {
    const token = dashboardToken();
    const dashboard = await call(`/api/embed/dashboard/${token}`);
    assert.equal(dashboard.status, 200);
    const dashcards = (JSON.parse(dashboard.body) as {dashcards: Array<{id: number; card_id: number}>}).dashcards;
    assert.equal(dashcards.length, 6);
    const answered: number[] = [];
    const answers = dashcards.map((dashcard, index) =>
      call(`/api/embed/dashboard/${token}/dashcard/${dashcard.id}/card/${dashcard.card_id}`).then((answer) => {
        assert.equal(answer.status, 202);
        answered.push(index);
      }),
    );
    await timersSet(dashcards.length);
    for (const [step, expected] of [
      [499, []],
      [1, [0]],
      [1500, [0, 1, 2, 3]],
      [999, [0, 1, 2, 3, 4]],
      [1, [0, 1, 2, 3, 4, 5]],
    ] as const) {
      await flush();
      mock.timers.tick(step);
      await flush();
      assert.deepEqual(answered, expected);
    }
    await Promise.all(answers);
  });

  test("a question's query waits the whole delay; its download is not delayed", async () => {
    const token = questionToken();
    let answered = false;
    const query = call(`/api/embed/card/${token}/query`).then(() => (answered = true));
    const download = await call(`/api/embed/card/${token}/query/csv`);
    assert.equal(download.status, 200);
    await timersSet(1);
    mock.timers.tick(2999);
    await flush();
    assert.equal(answered, false);
    mock.timers.tick(1);
    await query;
    assert.equal(scheduled, 1, 'only the query waited');
  });
});
