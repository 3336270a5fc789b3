// Failed token requests: what is retried, when, and what is shown once the retries run out.
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl, newSession, requestLog} from '../support/embed-page.js';
import {embedWith, iframesOf, loadedIframe, nextEvent, shownError, signedAnswer, until} from './helpers.js';

const fakeClock = () => sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});

describe('retries', () => {
  afterEach(() => sinon.restore());

  const retried: Array<{failure: string; endpoint: string; reason: string; status?: number}> = [
    {failure: 'HTTP 500', endpoint: endpointUrl({status: 500}), reason: 'http', status: 500},
    {failure: 'HTTP 503', endpoint: endpointUrl({status: 503}), reason: 'http', status: 503},
    {failure: 'HTTP 408', endpoint: endpointUrl({status: 408}), reason: 'http', status: 408},
    {failure: 'HTTP 429', endpoint: endpointUrl({status: 429}), reason: 'http', status: 429},
    {failure: 'a network error', endpoint: 'http://127.0.0.1:9/sign', reason: 'network'},
  ];
  for (const {failure, endpoint, reason, status} of retried) {
    it(`${failure} is retried three times after 0.5 s, 1 s and 2 s, then shown`, async () => {
      const clock = fakeClock();
      sinon.stub(Math, 'random').returns(0.5); // no jitter: 500, 1000, 2000 ms
      const fetchSpy = sinon.spy(window, 'fetch');
      const {el, errors} = await embedWith({attributes: {endpoint}});
      await until(() => errors().length === 1, 'the first failure');
      expect(errors()[0]).to.deep.include({reason, willRetry: true, ...(status && {status})});
      expect(el.state).to.equal('loading');
      for (const {delay, attempts} of [
        {delay: 500, attempts: 2},
        {delay: 1000, attempts: 3},
        {delay: 2000, attempts: 4},
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
      expect(shownError(el)).to.include(errors()[3]?.message);
      expect(clock.countTimers()).to.equal(0);
      expect(iframesOf(el)).to.have.length(0);
    });
  }

  it('Retry-After is honoured', async () => {
    const clock = fakeClock();
    const fetchSpy = sinon.spy(window, 'fetch');
    const {errors} = await embedWith({attributes: {endpoint: endpointUrl({status: 429, retryAfter: 3})}});
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
      const {el, errors} = await embedWith({attributes: {endpoint: endpointUrl({session, status})}});
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

  it('a request times out after 15 s, and that is retried', async () => {
    const clock = fakeClock();
    const fetchSpy = sinon.spy(window, 'fetch');
    const {errors} = await embedWith({attributes: {endpoint: endpointUrl({delayMs: 60_000})}});
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
    const {errors} = await embedWith({attributes: {endpoint: endpointUrl({delayMs: 60_000}), timeout: '2.5'}});
    await until(() => fetchSpy.callCount === 1, 'the request starts');
    await clock.tickAsync(2_499);
    expect(errors()).to.deep.equal([]);
    await clock.tickAsync(1);
    await until(() => errors().length === 1, 'the timeout');
    expect(errors()[0]).to.deep.include({reason: 'timeout', message: 'No answer within 2.5 s.'});
  });

  const wakeUps: Array<{name: string; wakeUp: () => void}> = [
    {name: 'going online', wakeUp: () => window.dispatchEvent(new Event('online'))},
    // visibilityState is "visible" in the test page
    {name: 'coming back into view', wakeUp: () => document.dispatchEvent(new Event('visibilitychange'))},
  ];
  for (const {name, wakeUp} of wakeUps) {
    it(`after a final network failure, ${name} tries again`, async () => {
      const clock = fakeClock();
      let failures = 4;
      const {el, errors} = await embedWith({
        fetchToken: async (request) => {
          if (failures-- > 0) throw new TypeError('Failed to fetch');
          return signedAnswer(request);
        },
      });
      await until(() => errors().length === 1, 'the first failure');
      await clock.tickAsync(10_000);
      await until(() => errors().length === 4, 'the last failure');
      expect(errors().at(-1)).to.deep.include({reason: 'fetch-token', willRetry: false});
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
