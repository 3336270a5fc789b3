import {expect, html} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl, newSession, requestLog, sendToEmbed} from '../support/embed-page.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  iframesOf,
  loadedIframe,
  nextEvent,
  nextPage,
  pageIn,
  recordEvents,
  renderEmbed,
  signedAnswer,
  until,
  visibleIframe,
} from './helpers.js';

// The clock is fake for timers and Date; network, iframes and messages stay real.
let clock: sinon.SinonFakeTimers;
beforeEach(() => {
  clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
});
afterEach(() => sinon.restore());

async function embed(knobs: Parameters<typeof endpointUrl>[0], extra = html``): Promise<MetabaseEmbedElement> {
  const el = await renderEmbed(
    html`<metabase-embed dashboard="1" endpoint=${endpointUrl(knobs)}>${extra}</metabase-embed>`,
  );
  await loadedIframe(el);
  return el;
}

describe('token life: renewal schedule', () => {
  // skewSeconds: the server's clock is ahead of the browser's by that much.
  const schedule: Array<{lifetime: number; skewSeconds: number; renewAfter: number}> = [
    {lifetime: 600, skewSeconds: 0, renewAfter: 480},
    {lifetime: 600, skewSeconds: 3600, renewAfter: 480},
    {lifetime: 600, skewSeconds: -3600, renewAfter: 480},
    {lifetime: 120, skewSeconds: 0, renewAfter: 60},
    {lifetime: 30, skewSeconds: 0, renewAfter: 15},
    {lifetime: 2, skewSeconds: 0, renewAfter: 5},
  ];
  for (const {lifetime, skewSeconds, renewAfter} of schedule) {
    const skew =
      skewSeconds === 0 ? '' : `, server clock ${skewSeconds > 0 ? 'ahead' : 'behind'} by ${Math.abs(skewSeconds)} s`;
    it(`a ${lifetime} s token${skew} is renewed after ${renewAfter} s, not before, and then not again until due`, async () => {
      const session = newSession();
      const start = Date.now();
      const el = await embed({session, lifetime, skewSeconds});
      const fetchSpy = sinon.spy(window, 'fetch');
      // Measured against the server's clock (the token's iat): the browser's clock skew changes nothing.
      expect(el.expiresAt).to.equal(start + lifetime * 1000);
      await clock.tickAsync(renewAfter * 1000 - 1);
      expect(fetchSpy.callCount).to.equal(0);
      const renewed = nextEvent(el, 'metabase-embed-token');
      await clock.tickAsync(1);
      expect((await renewed).detail).to.deep.equal({
        expiresAt: start + (renewAfter + lifetime) * 1000,
        reason: 'renew',
      });
      expect(el.expiresAt).to.equal(start + (renewAfter + lifetime) * 1000);
      expect(renewAfter).to.be.below(Math.max(lifetime, 5) + 1);
      await loadedIframe(el);
      await clock.tickAsync(renewAfter * 1000 - 1);
      expect(fetchSpy.callCount).to.equal(1);
      expect(await requestLog(session)).to.have.length(2);
    });
  }
});

describe("token life: the server's clock from the Date header", () => {
  for (const skewSeconds of [3600, -3600]) {
    it(`a token without iat, server clock ${skewSeconds > 0 ? 'ahead' : 'behind'} by an hour: measured by the Date header`, async () => {
      const start = Date.now();
      const el = await embed({lifetime: 600, skewSeconds, iat: false});
      // The Date header has whole seconds: the lifetime is at most a second longer than signed.
      const left = el.expiresAt! - start;
      expect(left).to.be.within(600_000, 601_000);
      const renewed = nextEvent(el, 'metabase-embed-token');
      await clock.tickAsync(left * 0.8 + 1);
      expect((await renewed).detail.reason).to.equal('renew');
    });
  }
});

describe('token life: the swap', () => {
  afterEach(() => sinon.restore());

  it('loads the renewed URL out of sight and swaps it in once loaded: the visible iframe is never blank', async () => {
    const el = await embed({lifetime: 600, pageDelayMs: 700});
    const old = visibleIframe(el)!;
    const frames = el.shadowRoot!.querySelector('.frames')!;
    const loadedFrames = new WeakSet<EventTarget>([old]);
    // Capture on the container runs before the element's own listener on the iframe.
    frames.addEventListener('load', (event) => loadedFrames.add(event.target!), true);
    const violations: string[] = [];
    const observer = new MutationObserver(() => {
      const shown = iframesOf(el).filter((iframe) => getComputedStyle(iframe).visibility === 'visible');
      if (shown.length !== 1) violations.push(`${shown.length} iframes visible`);
      else if (!shown.every((iframe) => loadedFrames.has(iframe)))
        violations.push('a visible iframe that has not loaded');
    });
    observer.observe(frames, {childList: true, subtree: true, attributes: true});

    const loads = recordEvents(el, 'metabase-embed-load');
    // Listening before the tick: on a slow machine the renewal can answer while the clock runs.
    const renewed = nextEvent(el, 'metabase-embed-token');
    await clock.tickAsync(480_000);
    await renewed;
    await until(() => iframesOf(el).length === 2, 'the renewed URL loads beside the old one');
    expect(visibleIframe(el)).to.equal(old);
    expect(el.state).to.equal('ready'); // a renewal is quiet: no loading state, no skeleton
    await until(() => loads.length === 1, 'the renewed URL is on screen');
    observer.disconnect();
    expect(violations).to.deep.equal([]);
    expect(iframesOf(el)).to.have.length(1);
    expect(visibleIframe(el)).to.not.equal(old);
    expect(old.isConnected).to.equal(false);
  });

  it("carries the visitor's filter choices into the renewed URL, minus the slugs the token sets", async () => {
    const el =
      await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl({lifetime: 600})} param-region="West"
      initial-params='{"category":"Gizmo"}'></metabase-embed>`);
    const iframe = await loadedIframe(el);
    expect((await pageIn(iframe)).queryParams).to.deep.equal({category: 'Gizmo'});
    const location = nextEvent(el, 'metabase-embed-location');
    sendToEmbed(iframe, {postLocation: {search: '?category=Widget&state=CA&state=NY&region=East'}});
    await location;
    await clock.tickAsync(480_000);
    const page = await nextPage(el);
    expect(page.queryParams).to.deep.equal({category: 'Widget', state: ['CA', 'NY']});
    expect(page.tokenParams).to.deep.equal({region: 'West'});
  });
});

describe('token life: changes during a renewal', () => {
  /** fetchToken whose first answer comes at once and whose later ones wait for release(). */
  function heldRenewals() {
    let release: () => void = () => {};
    let calls = 0;
    const fetchToken = async (request: {resource: unknown; params: unknown}) => {
      if (++calls > 1) await new Promise<void>((resolve) => (release = resolve));
      return signedAnswer(request, {lifetime: 600});
    };
    return {fetchToken, calls: () => calls, release: () => release()};
  }

  it('an appearance change while a renewal is in flight shows at once, with the token on screen', async () => {
    const held = heldRenewals();
    const el = await renderEmbed(html`<metabase-embed dashboard="1" .fetchToken=${held.fetchToken}></metabase-embed>`);
    await loadedIframe(el);
    await clock.tickAsync(480_000);
    expect(held.calls()).to.equal(2); // the renewal, held
    el.theme = 'night';
    const page = await nextPage(el);
    expect(page.hash).to.equal('#theme=night');
    expect(held.calls()).to.equal(2);
    held.release();
    await nextEvent(el, 'metabase-embed-token');
    expect((await nextPage(el)).hash).to.equal('#theme=night');
  });

  it('a filter the visitor changes while the renewed URL loads is carried into it', async () => {
    // The renewed page answers 2 s late: the visitor's message must arrive before it swaps in
    // (a slow WebKit under load needed more than half a second).
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({lifetime: 600, pageDelayMs: 2000})}></metabase-embed>`,
    );
    const iframe = await loadedIframe(el);
    await clock.tickAsync(480_000);
    await nextEvent(el, 'metabase-embed-token');
    await until(() => iframesOf(el).length === 2, 'the renewed URL loads out of sight');
    const location = nextEvent(el, 'metabase-embed-location');
    sendToEmbed(iframe, {postLocation: {search: '?category=Widget'}});
    await location;
    expect((await nextPage(el)).queryParams).to.deep.equal({category: 'Widget'});
    expect(iframesOf(el)).to.have.length(1);
  });

  it("an equal initial-params object (a framework re-render) keeps the visitor's choices", async () => {
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl({lifetime: 600})}
      .initialParams=${{category: 'Gizmo'}}></metabase-embed>`);
    const iframe = await loadedIframe(el);
    const location = nextEvent(el, 'metabase-embed-location');
    sendToEmbed(iframe, {postLocation: {search: '?category=Widget'}});
    await location;
    const loads = recordEvents(el, 'metabase-embed-load');
    el.initialParams = {category: 'Gizmo'};
    await el.updateComplete;
    expect(el.frameParams).to.deep.equal({category: 'Widget'});
    await clock.tickAsync(480_000);
    expect((await nextPage(el)).queryParams).to.deep.equal({category: 'Widget'});
    expect(loads).to.have.length(1); // only the renewal loaded a URL
  });
});

describe('token life: waking up', () => {
  let visibility: DocumentVisibilityState = 'visible';
  beforeEach(() => {
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => visibility});
  });
  afterEach(() => {
    delete (document as {visibilityState?: unknown}).visibilityState;
  });

  it('on visibilitychange to visible, a token past its renewal time is renewed at once', async () => {
    const el = await embed({lifetime: 600});
    const fetchSpy = sinon.spy(window, 'fetch');
    // A background tab's timers may run late: the clock moves on, the renewal timer has not fired.
    clock.setSystemTime(Date.now() + 500_000);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
    expect(fetchSpy.callCount).to.equal(0);
    const renewed = nextEvent(el, 'metabase-embed-token');
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect((await renewed).detail.reason).to.equal('renew');
    expect(fetchSpy.callCount).to.equal(1);
  });

  it('on visibilitychange, a token that is not due is left alone', async () => {
    const el = await embed({lifetime: 600});
    const fetchSpy = sinon.spy(window, 'fetch');
    clock.setSystemTime(Date.now() + 400_000);
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
    await Promise.resolve();
    expect(fetchSpy.callCount).to.equal(0);
  });

  it('on online, a token past its renewal time is renewed at once', async () => {
    const el = await embed({lifetime: 600});
    clock.setSystemTime(Date.now() + 600_000);
    const renewed = nextEvent(el, 'metabase-embed-token');
    window.dispatchEvent(new Event('online'));
    expect((await renewed).detail.reason).to.equal('renew');
  });

  it('reload() fetches a fresh token with reason "reload"', async () => {
    const session = newSession();
    const el = await embed({session});
    const reloaded = nextEvent(el, 'metabase-embed-token');
    el.reload();
    expect((await reloaded).detail.reason).to.equal('reload');
    await nextEvent(el, 'metabase-embed-load');
    expect(await requestLog(session)).to.have.length(2);
  });

  it('the token event and the expiresAt property agree (epoch ms, browser clock)', async () => {
    const start = Date.now();
    const token = (async () => (await nextEvent(document.body, 'metabase-embed-token')).detail)();
    const el = await embed({lifetime: 300});
    expect(await token).to.deep.equal({expiresAt: start + 300_000, reason: 'initial'});
    expect(el.expiresAt).to.equal(start + 300_000);
  });
});
