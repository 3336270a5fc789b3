// End to end: with the demo's 20 s tokens, the element renews before each expiry, so the
// dashboard it shows keeps answering long after its first token has expired, while an
// embed that does not renew (the first token, in a plain iframe) is refused at that time.
//
// Time: one fake clock. The browser's timers and Date are sinon's; the stack's clock (read
// by both the token signer and the emulator) is stopped at the browser's Date.now() and
// moved with it, a second at a time, so the three never disagree by more than a second.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  cardQuery,
  claimsOf,
  demoStack,
  embedView,
  nextLoad,
  setStackClock,
  shownToken,
  signIn,
  tokenInUrl,
  type DemoStack,
} from './demo-stack.js';

const STORY_SECONDS = 100;
const STEP_SECONDS = 10; // half of a 20 s lifetime: the element's earliest renewal
const LEEWAY_SECONDS = 60; // Metabase's, on exp (emulator/README.md#token)

describe('e2e: token renewal with 20 s tokens', () => {
  let stack: DemoStack;
  let clock: sinon.SinonFakeTimers;

  before(async () => {
    stack = await demoStack('renewal');
    await signIn(stack, 'ada');
  });

  beforeEach(async () => {
    clock = sinon.useFakeTimers({
      now: Date.now(),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    await setStackClock(stack, Date.now());
  });

  afterEach(async () => {
    clock.restore();
    await setStackClock(stack, null);
  });

  /** Moves the browser's clock and the stack's together, a second at a time. */
  async function advance(seconds: number): Promise<void> {
    for (let second = 0; second < seconds; second++) {
      await setStackClock(stack, Date.now() + 1000);
      await clock.tickAsync(1000);
    }
  }

  /** What a visitor sees in an embed page: its numbers, or its error. */
  async function expectNumbers(token: string): Promise<void> {
    const view = await embedView(token);
    expect([view.state, view.pageError, view.cardErrors]).to.deep.equal(['ready', null, []]);
    expect(view.cards[0]!.text).to.match(/^\$[\d,]/);
  }

  it("keeps the dashboard answering past the first token's expiry; that token alone is refused", async () => {
    expect(stack.tokenLifetime).to.equal(20);
    const {dashboard} = stack.content.dashboard.resource as {dashboard: number};
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard} endpoint=${stack.endpoint}></metabase-embed>`,
    );
    const firstUrl = await nextLoad(el);
    const first = tokenInUrl(firstUrl);
    const firstClaims = claimsOf(first);
    expect(firstClaims.exp - firstClaims.iat).to.equal(20);
    await expectNumbers(first);
    // The emulator refuses the first token from this many seconds on (exp <= now - leeway).
    const firstRefusedAt = firstClaims.exp + LEEWAY_SECONDS - firstClaims.iat;

    const reasons: string[] = [];
    el.addEventListener('metabase-embed-token', (event) => reasons.push(event.detail.reason));
    for (let elapsed = STEP_SECONDS; elapsed <= STORY_SECONDS; elapsed += STEP_SECONDS) {
      const due = el.expiresAt!;
      const renewed = oneEvent(el, 'metabase-embed-token');
      const loaded = nextLoad(el);
      await advance(STEP_SECONDS);
      await renewed;
      // Renewed before the old token ran out, on the browser's clock.
      expect(Date.now()).to.be.below(due);
      const shown = tokenInUrl(await loaded);
      expect(shown).to.equal(shownToken(el));

      // Now, on the emulator's clock: the embed on screen answers and shows numbers...
      expect((await cardQuery(stack, shown, 'Revenue')).status, `${elapsed} s: the shown token`).to.equal(202);
      await expectNumbers(shown);
      // ...and the first token, which an embed without renewal would still use, is refused
      // once its expiry (and the leeway) has passed.
      const stale = await cardQuery(stack, first, 'Revenue');
      if (elapsed < firstRefusedAt) expect(stale.status, `${elapsed} s: the first token`).to.equal(202);
      else
        expect([stale.status, stale.body], `${elapsed} s: the first token`).to.deep.equal([
          400,
          `Token is expired (${firstClaims.exp})`,
        ]);
    }
    expect(STORY_SECONDS).to.be.above(firstRefusedAt);
    expect(reasons).to.deep.equal(Array(STORY_SECONDS / STEP_SECONDS).fill('renew'));
    expect(claimsOf(shownToken(el)).params).to.deep.equal(firstClaims.params);

    // An embed that does not renew (Metabase's own iframe snippet), opened at this emulator
    // time with the first embed URL: the visitor sees Metabase's message, not the dashboard.
    const plain = Object.assign(document.createElement('iframe'), {src: firstUrl});
    const plainLoaded = oneEvent(plain, 'load');
    document.body.append(plain);
    try {
      await plainLoaded;
      const view = await embedView(first);
      expect([view.state, view.pageError, view.cards.length]).to.deep.equal([
        'error',
        `Token is expired (${firstClaims.exp})`,
        0,
      ]);
    } finally {
      plain.remove();
    }
  });
});
