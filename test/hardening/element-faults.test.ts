// The element against a failing endpoint (Chromium, the test endpoint's knobs, a fake
// clock): every fault ends in the state and event the README's element section documents,
// with no unhandled rejection, no retry storm (requests counted over six fake hours) and
// never a wrong embed on screen.
import {expect, html} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl, newSession, requestLog, type EndpointKnobs} from '../support/embed-page.js';
import type {MetabaseEmbedErrorDetail} from '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  iframesOf,
  loadedIframe,
  pageIn,
  recordEvents,
  renderEmbed,
  shownError,
  signedAnswer,
} from '../element/helpers.js';
import {
  advance,
  countFetches,
  eventually,
  fakeClock,
  watchUnhandled,
  type FakeClock,
  type FetchCounter,
} from './browser-support.js';

const SIX_HOURS = 6 * 3600_000;

async function embedWith(attributes: Record<string, string>) {
  const el = document.createElement('metabase-embed');
  el.setAttribute('dashboard', '1');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const events = recordEvents(el, 'metabase-embed-error', 'metabase-embed-token', 'metabase-embed-load');
  const errors = () =>
    events.filter(({type}) => type === 'metabase-embed-error').map(({detail}) => detail as MetabaseEmbedErrorDetail);
  const parent = await renderEmbed(html`<div></div>`);
  parent.append(el);
  return {el, errors, events};
}

/** After the final failure: the error state, its message on screen, no iframe, no timer, no more requests for hours. */
async function expectFinalError(
  el: MetabaseEmbedElement,
  errors: () => MetabaseEmbedErrorDetail[],
  clock: FakeClock,
  session: string,
  fetches: FetchCounter,
) {
  const last = errors().at(-1)!;
  expect(last.willRetry).to.equal(false);
  await el.updateComplete;
  expect(el.state).to.equal('error');
  expect(shownError(el)).to.include(last.message);
  expect(iframesOf(el)).to.have.length(0);
  expect(clock.countTimers(), 'no timer left').to.equal(0);
  const requests = (await requestLog(session)).length;
  const calls = fetches.calls();
  await advance(clock, SIX_HOURS, 10 * 60_000);
  expect(fetches.calls(), 'no request in the six hours after').to.equal(calls);
  expect((await requestLog(session)).length, 'none reached the endpoint').to.equal(requests);
  expect(errors().at(-1)).to.equal(last);
  return calls;
}

describe('faults: the endpoint fails until the element gives up', () => {
  let unhandled: ReturnType<typeof watchUnhandled>;
  beforeEach(() => (unhandled = watchUnhandled()));
  afterEach(() => {
    sinon.restore();
    expect(unhandled.stop()).to.deep.equal([]);
  });

  const retried: Array<[string, EndpointKnobs, string, number]> = [
    ['HTTP 500', {status: 500}, 'http', 4],
    ['HTTP 503 with Retry-After: 1', {status: 503, retryAfter: 1}, 'http', 4],
    [
      'HTTP 503 with an absurd Retry-After (31 years; capped at 5 minutes)',
      {status: 503, retryAfter: 999_999_999},
      'http',
      4,
    ],
    [
      'HTTP 503 with a Retry-After date in the past',
      {status: 503, retryAfter: 'Thu, 01 Jan 1970 00:00:00 GMT'},
      'http',
      4,
    ],
    ['HTTP 503 with an unreadable Retry-After', {status: 503, retryAfter: '-1e9'}, 'http', 4],
    ['an endpoint that hangs past the timeout', {delayMs: 120_000}, 'timeout', 4],
    ['a dropped connection', {fault: 'drop'}, 'network', 4],
  ];
  for (const [name, knobs, reason, attempts] of retried) {
    it(`${name}: ${attempts} attempts, then the error state, and nothing more for six hours`, async () => {
      const clock = fakeClock();
      const fetches = countFetches();
      const session = newSession();
      const started = Date.now();
      const {el, errors} = await embedWith({endpoint: endpointUrl({session, ...knobs}), timeout: '5'});
      const gaveUp = await advance(clock, 20 * 60_000, 2_000, {
        done: () => errors().at(-1)?.willRetry === false,
        // a hanging endpoint is never answered: its requests end at the element's timeout,
        // so wait until the server has each one, or the clock could abort it unsent
        ...(reason === 'timeout'
          ? {received: async () => (await requestLog(session)).length >= fetches.calls()}
          : {answered: fetches}),
      });
      expect(gaveUp, `the element gave up (${errors().length} errors so far)`).to.equal(true);
      expect(errors().map((error) => error.reason)).to.deep.equal(Array<string>(attempts).fill(reason));
      expect(errors().map((error) => error.willRetry)).to.deep.equal([
        ...Array<boolean>(attempts - 1).fill(true),
        false,
      ]);
      expect(fetches.calls()).to.equal(attempts);
      const log = await requestLog(session);
      // Chromium itself sends a POST again once when a reused connection closes unanswered.
      expect(log.length).to.be.within(attempts, 2 * attempts);
      if (knobs.retryAfter === 999_999_999) {
        // Three waits of 5 minutes each, not 31 years (nor at once).
        const gaps = log.slice(1).map((entry, index) => entry.receivedAt - log[index]!.receivedAt);
        expect(Date.now() - started).to.be.within(15 * 60_000, 16 * 60_000);
        expect(gaps.every((gap) => gap >= 0)).to.equal(true);
      }
      await expectFinalError(el, errors, clock, session, fetches);
    });
  }

  const refused: Array<[string, EndpointKnobs, RegExp]> = [
    ['malformed JSON', {fault: 'malformed-json'}, /answered 200 but not with JSON/],
    ['an HTML page with a 200 (a login page)', {fault: 'html'}, /answered 200 but not with JSON/],
    ['a 50 MB body', {fault: 'huge'}, /./],
    ['a token for another dashboard', {signAs: '{"dashboard":2}'}, /token is for Metabase dashboard 2/],
    [
      'a javascript: URL',
      {answerUrl: 'javascript:alert(document.domain)//embed/dashboard/a.b.c'},
      /absolute http\(s\) URL/,
    ],
    ['a data: URL', {answerUrl: 'data:text/html,<script>alert(1)</script>'}, /absolute http\(s\) URL/],
    [
      'a blob: URL',
      {answerUrl: `blob:${location.origin}/0b7c3c2e-7f3e-4b9a-9d3b-3c2b1a0f9e8d`},
      /absolute http\(s\) URL/,
    ],
    ['a URL with credentials', {answerUrl: 'http://user:pass@127.0.0.1:9/embed/dashboard/a.b.c'}, /./],
  ];
  for (const [name, knobs, message] of refused) {
    it(`${name}: an invalid answer at once, never retried, nothing loaded`, async () => {
      const clock = fakeClock();
      const fetches = countFetches();
      const session = newSession();
      const started = performance.now();
      const {el, errors} = await embedWith({endpoint: endpointUrl({session, ...knobs})});
      await eventually(() => errors().length === 1, 'the error', 60_000);
      if (knobs.fault === 'huge')
        console.log(`  50 MB answer: refused after ${Math.round(performance.now() - started)} ms`);
      expect(errors()[0]).to.deep.include({reason: 'invalid-answer', willRetry: false});
      expect(errors()[0]!.message).to.match(message);
      expect(await expectFinalError(el, errors, clock, session, fetches)).to.equal(1);
    });
  }

  it('the right answer with the wrong Content-Type (text/plain) is read as JSON and shown', async () => {
    const {el} = await embedWith({endpoint: endpointUrl({fault: 'text-plain'}), 'param-category': 'Gizmo'});
    const page = await pageIn(await loadedIframe(el));
    expect(page.tokenParams).to.deep.equal({category: 'Gizmo'});
    expect(el.state).to.equal('ready');
  });
});

describe('faults: a shown embed whose renewals fail for hours', () => {
  afterEach(() => sinon.restore());

  it('keeps the embed while its token works, then shows the error once; the request count stays bounded', async () => {
    const unhandled = watchUnhandled();
    const clock = fakeClock();
    sinon.stub(Math, 'random').returns(0.5);
    let calls = 0;
    const {el, errors} = await embedWith({});
    el.fetchToken = async (request) => {
      if (++calls === 1) return signedAnswer(request, {lifetime: 600});
      throw Object.assign(new Error('HTTP 500'), {status: 500});
    };
    const first = await loadedIframe(el);
    await advance(clock, 9 * 60_000, 5_000); // the renewal at 8 minutes and its retries fail
    await el.updateComplete;
    expect(calls, 'the renewal was tried').to.be.above(1);
    expect(el.state, 'a minute before exp').to.equal('ready');
    expect(iframesOf(el)).to.deep.equal([first]);
    expect(errors().every(({willRetry}) => willRetry)).to.equal(true);
    await advance(clock, SIX_HOURS, 5_000, {done: () => el.state === 'error'});
    expect(el.state).to.equal('error');
    expect(iframesOf(el)).to.have.length(0);
    expect(errors().filter(({willRetry}) => !willRetry)).to.have.length(1);
    const attempts = calls;
    await advance(clock, SIX_HOURS, 10 * 60_000);
    expect(calls, 'no request in the six hours after').to.equal(attempts);
    expect(attempts).to.be.below(30);
    console.log(`  renewal failing for good: ${attempts} requests in all (10-minute token), then the error`);
    expect(unhandled.stop()).to.deep.equal([]);
  });
});
