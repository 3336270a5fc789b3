import {expect, html} from '@open-wc/testing';
import sinon from 'sinon';
import {embedPageOrigin, endpointUrl, mintEmbedUrl, newSession, requestLog} from '../support/embed-page.js';
import type {FetchToken, MetabaseEmbedErrorDetail} from '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  iframesOf,
  loadedIframe,
  nextEvent,
  nextTask,
  pageIn,
  recordEvents,
  renderEmbed,
  signedAnswer,
  until,
} from './helpers.js';

const fakeClock = () => sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});

/** Renders with the events recorded from the start. */
async function embedWith(attributes: Record<string, string>, fetchToken?: FetchToken) {
  const el = document.createElement('metabase-embed') as MetabaseEmbedElement;
  el.setAttribute('dashboard', '1');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (fetchToken) el.fetchToken = fetchToken;
  const events = recordEvents(el, 'metabase-embed-error');
  const errors = () => events.map(({detail}) => detail as MetabaseEmbedErrorDetail);
  const parent = await renderEmbed(html`<div></div>`);
  parent.append(el);
  return {el, errors};
}

function shownError(el: MetabaseEmbedElement): string | null {
  const box = el.shadowRoot!.querySelector<HTMLElement>('[part="error"]')!;
  return box.hidden ? null : box.textContent.replace(/\s+/g, ' ').trim();
}

describe('errors: retries', () => {
  afterEach(() => sinon.restore());

  const retried: Array<[string, Record<string, string | number>, string, number | undefined]> = [
    ['HTTP 500', {status: 500}, 'http', 500],
    ['HTTP 503', {status: 503}, 'http', 503],
    ['HTTP 408', {status: 408}, 'http', 408],
    ['HTTP 429', {status: 429}, 'http', 429],
    ['a network error', {}, 'network', undefined],
  ];
  for (const [name, knobs, reason, status] of retried) {
    it(`${name} is retried three times after 0.5 s, 1 s and 2 s, then shown`, async () => {
      const clock = fakeClock();
      sinon.stub(Math, 'random').returns(0.5); // no jitter: 500, 1000, 2000 ms
      const fetchSpy = sinon.spy(window, 'fetch');
      const endpoint = reason === 'network' ? 'http://127.0.0.1:9/sign' : endpointUrl(knobs);
      const {el, errors} = await embedWith({endpoint});
      await until(() => errors().length === 1, 'the first failure');
      expect(errors()[0]).to.deep.include({reason, willRetry: true, ...(status && {status})});
      expect(el.state).to.equal('loading');
      for (const [delay, attempts] of [
        [500, 2],
        [1000, 3],
        [2000, 4],
      ]) {
        await clock.tickAsync(delay - 1);
        expect(fetchSpy.callCount, `no retry before ${delay} ms`).to.equal(attempts - 1);
        await clock.tickAsync(1);
        expect(fetchSpy.callCount, `a retry at ${delay} ms`).to.equal(attempts);
        await until(() => errors().length === attempts, `failure ${attempts}`);
      }
      expect(errors().map((error) => error.willRetry)).to.deep.equal([true, true, true, false]);
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(shownError(el)).to.include(errors()[3].message);
      expect(clock.countTimers()).to.equal(0);
      expect(iframesOf(el)).to.have.length(0);
    });
  }

  it('Retry-After is honoured', async () => {
    const clock = fakeClock();
    const fetchSpy = sinon.spy(window, 'fetch');
    const {errors} = await embedWith({endpoint: endpointUrl({status: 429, retryAfter: 3})});
    await until(() => errors().length === 1, 'the first failure');
    await clock.tickAsync(2999);
    expect(fetchSpy.callCount).to.equal(1);
    await clock.tickAsync(1);
    expect(fetchSpy.callCount).to.equal(2);
  });

  for (const status of [400, 401, 403, 404, 422]) {
    it(`HTTP ${status} is not retried`, async () => {
      const clock = fakeClock();
      const session = newSession();
      const {el, errors} = await embedWith({endpoint: endpointUrl({session, status})});
      await until(() => errors().length === 1, 'the failure');
      const endpoint = new URL(endpointUrl({session, status}), location.href).href;
      expect(errors()[0]).to.deep.equal({
        reason: 'http',
        status,
        willRetry: false,
        message: `The endpoint ${endpoint} answered HTTP ${status}: test endpoint answers ${status} as asked`,
      });
      expect(clock.countTimers()).to.equal(0);
      await clock.tickAsync(60_000);
      expect(await requestLog(session)).to.have.length(1);
      await el.updateComplete;
      expect(el.state).to.equal('error');
    });
  }

  it("a refusal shows the endpoint's {error} text, as the event's message and on the page", async () => {
    const explanation = '"tenant" cannot be set by the browser; editable filters: category';
    const endpoint = endpointUrl({status: 400, error: explanation});
    const {el, errors} = await embedWith({endpoint});
    await until(() => errors().length === 1, 'the error');
    const message = `The endpoint ${new URL(endpoint, location.href).href} answered HTTP 400: ${explanation}`;
    expect(errors()[0]).to.deep.equal({reason: 'http', status: 400, willRetry: false, message});
    await el.updateComplete;
    expect(shownError(el)).to.equal(`${message} Retry`);
  });

  it('a hostile {error} text shows as literal text, cleaned and cut to 300 characters', async () => {
    const markup = '<img src=x onerror="alert(1)">';
    const endpoint = endpointUrl({status: 403, error: `${markup}\u0007\n${'z'.repeat(400)}`});
    const {el, errors} = await embedWith({endpoint});
    await until(() => errors().length === 1, 'the error');
    const shown = `${markup} ${'z'.repeat(300 - markup.length - 2)}…`; // the control and the break become one space
    expect(errors()[0].message).to.equal(
      `The endpoint ${new URL(endpoint, location.href).href} answered HTTP 403: ${shown}`,
    );
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(box.querySelector('img'), 'no element made from the text').to.equal(null);
    expect(box.querySelector('p')!.textContent).to.equal(errors()[0].message);
  });

  it('a request times out after 15 s, and that is retried', async () => {
    const clock = fakeClock();
    const fetchSpy = sinon.spy(window, 'fetch');
    const {errors} = await embedWith({endpoint: endpointUrl({delayMs: 60_000})});
    await until(() => fetchSpy.callCount === 1, 'the request starts');
    await clock.tickAsync(14_999);
    expect(errors()).to.deep.equal([]);
    await clock.tickAsync(1);
    await until(() => errors().length === 1, 'the timeout');
    expect(errors()[0]).to.deep.equal({reason: 'timeout', message: 'No answer within 15 s.', willRetry: true});
  });

  it('the timeout attribute sets the limit in seconds', async () => {
    const clock = fakeClock();
    const fetchSpy = sinon.spy(window, 'fetch');
    const {errors} = await embedWith({endpoint: endpointUrl({delayMs: 60_000}), timeout: '2.5'});
    await until(() => fetchSpy.callCount === 1, 'the request starts');
    await clock.tickAsync(2_499);
    expect(errors()).to.deep.equal([]);
    await clock.tickAsync(1);
    await until(() => errors().length === 1, 'the timeout');
    expect(errors()[0].reason).to.equal('timeout');
  });

  const wakeUps: Array<[string, () => void]> = [
    ['going online', () => window.dispatchEvent(new Event('online'))],
    // visibilityState is "visible" in the test page
    ['coming back into view', () => document.dispatchEvent(new Event('visibilitychange'))],
  ];
  for (const [name, wakeUp] of wakeUps) {
    it(`after a final network failure, ${name} tries again`, async () => {
      const clock = fakeClock();
      let failures = 4;
      const {el, errors} = await embedWith({}, async (request) => {
        if (failures-- > 0) throw new TypeError('Failed to fetch');
        return signedAnswer(request);
      });
      await until(() => errors().length === 1, 'the first failure');
      await clock.tickAsync(10_000);
      await until(() => errors().length === 4, 'the last failure');
      expect(
        errors()
          .map(({reason, willRetry}) => [reason, willRetry])
          .at(-1),
      ).to.deep.equal(['fetch-token', false]);
      await el.updateComplete;
      expect(el.state).to.equal('error');
      const token = nextEvent(el, 'metabase-embed-token');
      wakeUp();
      await token;
      await loadedIframe(el);
      expect(el.state).to.equal('ready');
    });
  }
});

describe('errors: answers', () => {
  afterEach(() => sinon.restore());

  const otherDashboard = async () => signedAnswer({resource: {dashboard: 2}, params: {}});
  const bad: Array<[string, Record<string, string>, FetchToken | undefined, RegExp]> = [
    [
      'a javascript: URL',
      {},
      async () => ({url: 'javascript:alert(document.domain)//embed/dashboard/a.b.c'}),
      /absolute http\(s\) URL/,
    ],
    ['a data: URL', {}, async () => ({url: 'data:text/html,<script>alert(1)</script>'}), /absolute http\(s\) URL/],
    [
      'a token for another dashboard',
      {},
      otherDashboard,
      /token is for Metabase dashboard 2, but Metabase dashboard 1 was asked for/,
    ],
    [
      'a public link instead of an embed',
      {},
      async () => ({url: 'https://mb.example/public/dashboard/1234'}),
      /path must be \/embed\/dashboard\/<jwt>/,
    ],
    ['{jwt} without site-url', {endpoint: endpointUrl({shape: 'jwt'})}, undefined, /no site/],
    [
      'a URL off the site-url origin',
      {endpoint: endpointUrl(), 'site-url': 'https://metabase.example.com'},
      undefined,
      /not the "site-url" attribute's origin/,
    ],
    [
      'a token whose exp is not after its iat',
      {},
      async () => ({url: await mintEmbedUrl({resource: {dashboard: 1}, iat: 1_800_000_000, exp: 1_800_000_000})}),
      /already expired when it arrived \("exp" 1800000000 is not after its "iat"\)/,
    ],
  ];
  for (const [name, attributes, fetchToken, message] of bad) {
    it(`${name} is an invalid answer: nothing is loaded, nothing retried`, async () => {
      const {el, errors} = await embedWith(attributes, fetchToken);
      await until(() => errors().length === 1, 'the error');
      expect(errors()[0].reason).to.equal('invalid-answer');
      expect(errors()[0].willRetry).to.equal(false);
      expect(errors()[0].message).to.match(message);
      await el.updateComplete;
      expect(iframesOf(el)).to.have.length(0);
      expect(shownError(el)).to.match(message);
    });
  }

  it('a slow old answer never replaces a newer one (fetchToken that ignores its signal)', async () => {
    const calls: Array<{params: unknown; signal: AbortSignal; answer: (value: {url: string}) => void}> = [];
    const {el} = await embedWith(
      {'param-category': 'Gizmo'},
      (request) => new Promise((resolve) => calls.push({...request, answer: resolve})),
    );
    const tokens = recordEvents(el, 'metabase-embed-token');
    await until(() => calls.length === 1, 'the first request');
    el.setAttribute('param-category', 'Widget');
    await until(() => calls.length === 2, 'the second request');
    expect(calls[0].signal.aborted).to.equal(true);
    calls[1].answer(await signedAnswer({resource: {dashboard: 1}, params: calls[1].params}));
    const iframe = await loadedIframe(el);
    calls[0].answer(await signedAnswer({resource: {dashboard: 1}, params: calls[0].params}));
    await nextTask();
    await el.updateComplete;
    expect(tokens).to.have.length(1);
    expect(iframesOf(el)).to.deep.equal([iframe]);
    expect((await pageIn(iframe)).tokenParams).to.deep.equal({category: 'Widget'});
  });

  it('a change while a request is in flight aborts it (endpoint)', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const session = newSession();
    const {el} = await embedWith({endpoint: endpointUrl({session, delayMs: 400}), 'param-category': 'Gizmo'});
    await until(() => fetchSpy.callCount === 1, 'the first request');
    el.setAttribute('param-category', 'Widget');
    await until(() => fetchSpy.callCount === 2, 'the second request');
    expect(fetchSpy.firstCall.args[1]!.signal!.aborted).to.equal(true);
    expect((await pageIn(await loadedIframe(el))).tokenParams).to.deep.equal({category: 'Widget'});
  });
});

describe('errors: fetchToken and the error UI', () => {
  afterEach(() => sinon.restore());

  it('fetchToken replaces the endpoint and gets {resource, params, signal}', async () => {
    const fetchToken = sinon.spy(async (request: Parameters<FetchToken>[0]) => {
      const {url} = await signedAnswer(request);
      return {jwt: url.split('/').pop()!};
    });
    const {el} = await embedWith(
      {endpoint: '/never-called', 'param-category': 'Gizmo', 'site-url': await embedPageOrigin()},
      fetchToken,
    );
    const page = await pageIn(await loadedIframe(el));
    expect(page.tokenParams).to.deep.equal({category: 'Gizmo'});
    const [request] = fetchToken.firstCall.args;
    expect(request.resource).to.deep.equal({dashboard: 1});
    expect(request.params).to.deep.equal({category: 'Gizmo'});
    expect(request.signal).to.be.instanceOf(AbortSignal);
  });

  it('the default error message has a Retry button that fetches a fresh token', async () => {
    let refuse = true;
    const {el, errors} = await embedWith({}, async (request) => {
      if (refuse) throw Object.assign(new Error('Not signed in'), {status: 401});
      return signedAnswer(request);
    });
    await until(() => errors().length === 1, 'the error');
    await el.updateComplete;
    expect(shownError(el)).to.equal('fetchToken failed: Not signed in Retry');
    refuse = false;
    const token = nextEvent(el, 'metabase-embed-token');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    expect((await token).detail.reason).to.equal('reload');
    await loadedIframe(el);
    expect(shownError(el)).to.equal(null);
  });

  it('slotted error content replaces the default message', async () => {
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl({status: 403})}>
      <p slot="error" id="mine">Ask your admin.</p></metabase-embed>`);
    await until(() => el.state === 'error', 'the error');
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="error"]')!;
    expect(slot.assignedElements().map((element) => element.id)).to.deep.equal(['mine']);
    expect(el.querySelector('#mine')!.getBoundingClientRect().height).to.be.above(0);
  });

  it('a renewal the endpoint refuses (403) shows the error instead of the frame', async () => {
    const clock = fakeClock();
    let calls = 0;
    const {el, errors} = await embedWith({}, async (request) => {
      calls++;
      if (calls > 1) throw Object.assign(new Error('Session ended'), {status: 403});
      return signedAnswer(request, {lifetime: 600});
    });
    await loadedIframe(el);
    await clock.tickAsync(480_000);
    await until(() => errors().length === 1, 'the renewal fails');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(iframesOf(el)).to.have.length(0);
  });
  it('a renewal that fails for a passing reason keeps the frame and tries again later, until it works', async () => {
    const clock = fakeClock();
    sinon.stub(Math, 'random').returns(0.5); // no jitter
    let calls = 0;
    const {el, errors} = await embedWith({}, async (request) => {
      calls++;
      if (calls >= 2 && calls <= 5) throw new TypeError('Failed to fetch'); // the renewal and its 3 retries
      return signedAnswer(request, {lifetime: 600});
    });
    const first = await loadedIframe(el);
    await clock.tickAsync(480_000 + 3_500); // the renewal at 80%, then retries after 0.5, 1 and 2 s
    await until(() => errors().length === 4, 'the renewal and its retries fail');
    expect(errors().map(({willRetry}) => willRetry)).to.deep.equal([true, true, true, true]);
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(iframesOf(el)).to.deep.equal([first]);
    expect(calls).to.equal(5);
    await clock.tickAsync(30_000 - 1);
    expect(calls, 'no request before the next try').to.equal(5);
    const renewed = nextEvent(el, 'metabase-embed-token');
    await clock.tickAsync(1);
    expect((await renewed).detail.reason).to.equal('renew');
    await until(
      () => iframesOf(el).length === 1 && iframesOf(el)[0] !== first,
      'the renewed frame replaces the old one',
    );
    expect(el.state).to.equal('ready');
  });

  it('a renewal that keeps failing shows the error only when the old token is about to lapse', async () => {
    const clock = fakeClock();
    sinon.stub(Math, 'random').returns(0.5);
    let calls = 0;
    const {el, errors} = await embedWith({}, async (request) => {
      if (++calls >= 2) throw new TypeError('Failed to fetch');
      return signedAnswer(request, {lifetime: 600});
    });
    await loadedIframe(el);
    await clock.tickAsync(590_000);
    await el.updateComplete;
    expect(el.state, '10 s before exp').to.equal('ready');
    expect(iframesOf(el)).to.have.length(1);
    expect(errors().every(({willRetry}) => willRetry)).to.equal(true);
    await clock.tickAsync(15_000);
    await until(() => el.state === 'error', 'the error shows');
    expect(errors().at(-1)!.willRetry).to.equal(false);
    expect(iframesOf(el)).to.have.length(0);
    expect(clock.countTimers()).to.equal(0);
  });
});
