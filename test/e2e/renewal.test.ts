// End to end: with the demo's 20 s tokens, the element renews before each expiry, so the
// dashboard keeps answering long after its first token has expired, which Metabase (the
// emulator) then refuses.
//
// Time: the browser's timers and Date are fake (sinon). The emulator's clock cannot be
// moved, so it stands at the end of the story: the token signer starts 100 s in the past
// and walks forward with the browser's fake clock, reaching real time after 100 s.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {cardQuery, claimsOf, demoStack, emulatorApi, nextLoad, setSignerClock, shownToken, signIn, tokenInUrl, type DemoStack} from './demo-stack.js';

const STORY_SECONDS = 100;

describe('e2e: token renewal with 20 s tokens', () => {
  let stack: DemoStack;
  let clock: sinon.SinonFakeTimers;

  before(async () => {
    stack = await demoStack('renewal');
    await signIn(stack, 'ada');
  });

  beforeEach(() => {
    clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date']});
  });

  afterEach(async () => {
    clock.restore();
    await setSignerClock(stack, 0);
  });

  it('keeps the dashboard answering past the first token\'s expiry; that token alone is refused', async () => {
    expect(stack.tokenLifetime).to.equal(20);
    await setSignerClock(stack, -STORY_SECONDS);
    const {dashboard} = stack.content.dashboard.resource as {dashboard: number};
    const el = await fixture<MetabaseEmbedElement>(html`<metabase-embed dashboard=${dashboard} endpoint=${stack.endpoint}></metabase-embed>`);
    const first = tokenInUrl(await nextLoad(el));
    const firstClaims = claimsOf(first);
    expect(firstClaims.exp - firstClaims.iat).to.equal(20);

    const reasons: string[] = [];
    el.addEventListener('metabase-embed-token', (event) => reasons.push(event.detail.reason));
    let elapsed = 0;
    while (elapsed < STORY_SECONDS) {
      const due = el.expiresAt!;
      const step = 10; // half of a 20 s lifetime: the element's earliest renewal
      elapsed += step;
      await setSignerClock(stack, elapsed - STORY_SECONDS);
      const renewed = oneEvent(el, 'metabase-embed-token');
      const loaded = nextLoad(el);
      await clock.tickAsync(step * 1000);
      await renewed;
      // Renewed before the old token ran out, on the browser's clock.
      expect(Date.now()).to.be.below(due);
      expect(tokenInUrl(await loaded)).to.equal(shownToken(el));
    }

    expect(reasons).to.deep.equal(Array(STORY_SECONDS / 10).fill('renew'));
    const current = shownToken(el);
    expect(claimsOf(current).params).to.deep.equal(firstClaims.params);
    expect(claimsOf(current).exp).to.be.at.least(firstClaims.exp + STORY_SECONDS);
    // Metabase answers the renewed embed...
    expect((await emulatorApi(stack, `dashboard/${current}`)).status).to.equal(200);
    expect((await cardQuery(stack, current, 'Orders')).status).to.equal(202);
    // ...and refuses the first token, which an embed without renewal would still be using.
    const stale = await emulatorApi(stack, `dashboard/${first}`);
    expect(stale.status).to.equal(400);
    expect(stale.body).to.equal(`Token is expired (${firstClaims.exp})`);
  });
});
