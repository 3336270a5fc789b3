// The element recovering from the world around it (Chromium, fake clock): the network goes
// offline and back, the tab is hidden for hours (timers running, or frozen as browsers
// freeze background tabs), the emulator restarts mid-session, and its secret is rotated
// (old tokens refused, the element recovers with a new one).
import {expect, html} from '@open-wc/testing';
import {SignJWT} from 'jose';
import sinon from 'sinon';
import {endpointUrl, newSession, requestLog} from '../support/embed-page.js';
import type {MetabaseEmbedErrorDetail} from '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {iframesOf, loadedIframe, pageIn, recordEvents, renderEmbed, visibleIframe} from '../element/helpers.js';
import {describeExceptIn, chromiumOnlyCommands} from '../../support/engine.js';
import {
  advance,
  countFetches,
  eventually,
  fakeClock,
  frameReport,
  hardeningEmulator,
  setOffline,
  tokenOf,
  watchUnhandled,
} from './browser-support.js';

let unhandled: ReturnType<typeof watchUnhandled>;
beforeEach(() => (unhandled = watchUnhandled()));
afterEach(() => {
  sinon.restore();
  expect(unhandled.stop()).to.deep.equal([]);
});

async function embedWith(setup: (el: MetabaseEmbedElement) => void) {
  const el = document.createElement('metabase-embed');
  el.setAttribute('dashboard', '1');
  setup(el);
  const events = recordEvents(el, 'metabase-embed-error', 'metabase-embed-token');
  const errors = () =>
    events.filter(({type}) => type === 'metabase-embed-error').map(({detail}) => detail as MetabaseEmbedErrorDetail);
  const tokens = () => events.filter(({type}) => type === 'metabase-embed-token').length;
  const parent = await renderEmbed(html`<div></div>`);
  parent.append(el);
  return {el, errors, tokens};
}

describeExceptIn(chromiumOnlyCommands, 'recovery: offline and back', () => {
  afterEach(async () => {
    if (!navigator.onLine) await setOffline(false);
  });

  it('offline from the start: four network failures, the error state; back online loads the embed by itself', async () => {
    const clock = fakeClock();
    const fetches = countFetches();
    sinon.stub(Math, 'random').returns(0.5);
    await setOffline(true);
    expect(navigator.onLine).to.equal(false);
    const session = newSession();
    const {el, errors} = await embedWith((el) => el.setAttribute('endpoint', endpointUrl({session})));
    await advance(clock, 60_000, 1_000, {done: () => errors().at(-1)?.willRetry === false, answered: fetches});
    expect(errors().map(({reason, willRetry}) => [reason, willRetry])).to.deep.equal([
      ['network', true],
      ['network', true],
      ['network', true],
      ['network', false],
    ]);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(await requestLog(session), 'nothing reached the endpoint').to.have.length(0);
    await advance(clock, 3600_000, 60_000);
    expect(fetches.calls(), 'no request while offline after giving up').to.equal(4);

    await setOffline(false);
    await eventually(() => el.state === 'ready', 'the embed loads once back online');
    expect(fetches.calls()).to.equal(5);
    expect(iframesOf(el)).to.have.length(1);
  });

  it('offline while an embed is shown: the renewal fails, the embed stays; back online renews it', async () => {
    const clock = fakeClock();
    const fetches = countFetches();
    sinon.stub(Math, 'random').returns(0.5);
    const {el, errors, tokens} = await embedWith((el) => el.setAttribute('endpoint', endpointUrl({lifetime: 600})));
    const first = await loadedIframe(el);
    await setOffline(true);
    await advance(clock, 490_000, 2_000, {answered: fetches}); // renewal due at 480 s
    expect(errors().length, 'the renewal and its retries failed').to.equal(4);
    expect(errors().every(({willRetry}) => willRetry)).to.equal(true);
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(iframesOf(el)).to.deep.equal([first]);

    await setOffline(false);
    await eventually(() => tokens() === 2, 'the renewal succeeds once back online');
    await eventually(
      () => visibleIframe(el) !== first && iframesOf(el).length === 1,
      'the renewed embed replaces the old one',
    );
    expect(el.expiresAt).to.be.above(Date.now() + 500_000);
  });
});

/** Makes the page look hidden (or visible again) and tells it, as the browser does on a tab switch. */
function setHidden(hidden: boolean) {
  if (hidden) Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});
  else delete (document as {visibilityState?: unknown}).visibilityState;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('recovery: the tab hidden for hours', () => {
  afterEach(() => setHidden(false));

  it('with timers running: one renewal per token life (no storm), and a valid embed on return', async () => {
    const clock = fakeClock();
    const fetches = countFetches();
    const {el, tokens} = await embedWith((el) => el.setAttribute('endpoint', endpointUrl({lifetime: 600})));
    await loadedIframe(el);
    setHidden(true);
    await advance(clock, 5 * 3600_000, 60_000, {answered: fetches});
    // 10-minute tokens renewed at 8 minutes: 37 renewals in 5 hours, plus a few retries
    // when the loaded machine answers a request later than the element's timeout.
    expect(tokens() - 1, 'renewals').to.be.within(36, 38);
    expect(fetches.calls(), 'requests').to.be.within(tokens(), tokens() + 6);
    console.log(`  hidden 5 h with timers running: ${tokens() - 1} renewals, ${fetches.calls()} requests`);
    const before = fetches.calls();
    setHidden(false);
    await advance(clock, 2_000, 1_000, {answered: fetches});
    expect(fetches.calls(), 'nothing due on return').to.equal(before);
    await eventually(() => iframesOf(el).length === 1, 'the last renewed frame is swapped in');
    const page = await pageIn(visibleIframe(el)!);
    expect(page.resource).to.deep.equal({dashboard: 1});
    expect(el.expiresAt).to.be.above(Date.now());
  });

  it('with timers frozen (a frozen background tab): on return the lapsed token is renewed at once, once', async () => {
    const clock = fakeClock();
    const fetches = countFetches();
    const {el, tokens} = await embedWith((el) => el.setAttribute('endpoint', endpointUrl({lifetime: 600})));
    const first = await loadedIframe(el);
    setHidden(true);
    clock.setSystemTime(Date.now() + 5 * 3600_000); // Date moves, no timer fires
    expect(fetches.calls()).to.equal(1);
    setHidden(false);
    await eventually(() => tokens() === 2, 'a renewal on return');
    await eventually(() => visibleIframe(el) !== first && iframesOf(el).length === 1, 'the renewed embed shows');
    await advance(clock, 10_000, 1_000, {answered: fetches});
    expect(fetches.calls(), 'one request on return').to.equal(2);
    expect(el.expiresAt).to.be.above(Date.now() + 500_000);
  });
});

describeExceptIn(chromiumOnlyCommands, 'recovery: the emulator restarts, its secret rotates', () => {
  let emulator: {origin: string; secretKey: string};
  beforeEach(async () => (emulator = await hardeningEmulator({action: 'start'})));
  afterEach(() => hardeningEmulator({action: 'stop'}));

  /** A host backend's signer: always the emulator's current secret. */
  async function signFor(lifetime = 600): Promise<{url: string}> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({resource: {dashboard: 1}, params: {tenant: 'Acme'}})
      .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .setJti(crypto.randomUUID()) // two tokens signed in one second still differ
      .sign(new TextEncoder().encode(emulator.secretKey));
    return {url: `${emulator.origin}/embed/dashboard/${token}`};
  }

  const shownToken = (el: MetabaseEmbedElement) => tokenOf(visibleIframe(el)!.src);

  it('a restart mid-session: the shown token keeps working, and the next token loads from the new process', async () => {
    const {el, tokens} = await embedWith((el) => (el.fetchToken = () => signFor()));
    await loadedIframe(el);
    const before = shownToken(el);
    expect((await frameReport(before)).state).to.equal('ready');
    const restarted = await hardeningEmulator({action: 'restart'});
    expect(restarted.origin).to.equal(emulator.origin);
    expect((await hardeningEmulator({action: 'get', path: `/api/embed/dashboard/${before}`})).status).to.equal(200);
    el.reload();
    await eventually(() => tokens() === 2 && shownToken(el) !== before && el.state === 'ready', 'the reloaded embed');
    const report = await frameReport(shownToken(el));
    expect(report.state).to.equal('ready');
    expect(report.cardTitles.length).to.be.above(0);
  });

  it('a rotated secret: old tokens are refused, and the renewal brings a token the emulator accepts', async () => {
    const clock = fakeClock();
    const fetches = countFetches(() => false);
    const {el, tokens} = await embedWith((el) => (el.fetchToken = () => signFor()));
    await loadedIframe(el);
    const old = shownToken(el);
    emulator = await hardeningEmulator({action: 'rotate'});
    const refused = await hardeningEmulator({action: 'get', path: `/api/embed/dashboard/${old}`});
    expect(refused).to.deep.equal({status: 400, text: 'Message seems corrupt or manipulated'});
    // The element cannot see inside the embed; its next token (the renewal at 80 %) is signed with the new key.
    await advance(clock, 480_000, 30_000, {answered: fetches, done: () => tokens() === 2});
    await eventually(() => shownToken(el) !== old && iframesOf(el).length === 1, 'the renewed embed shows');
    const report = await frameReport(shownToken(el));
    expect(report.state).to.equal('ready');
    expect(report.text).to.not.include('corrupt');
  });
});
