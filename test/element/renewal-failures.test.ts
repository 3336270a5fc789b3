// A renewal that fails (beside token-life.test.ts): a refusal shows the error, a passing
// failure keeps the frame and tries again while the old token works.
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {embedWith, iframesOf, loadedIframe, nextEvent, signedAnswer, until} from './helpers.js';

describe('renewal failures', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
    sinon.stub(Math, 'random').returns(0.5); // no jitter
  });
  afterEach(() => sinon.restore());

  it('a renewal the endpoint refuses (403) shows the error instead of the frame', async () => {
    let calls = 0;
    const {el, errors} = await embedWith({
      fetchToken: async (request) => {
        calls++;
        if (calls > 1) throw Object.assign(new Error('Session ended'), {status: 403});
        return signedAnswer(request, {lifetime: 600});
      },
    });
    await loadedIframe(el);
    await clock.tickAsync(480_000);
    await until(() => errors().length === 1, 'the renewal fails');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(iframesOf(el)).to.have.length(0);
  });

  it('a renewal that fails for a passing reason keeps the frame and tries again later, until it works', async () => {
    let calls = 0;
    const {el, errors} = await embedWith({
      fetchToken: async (request) => {
        calls++;
        if (calls >= 2 && calls <= 5) throw new TypeError('Failed to fetch'); // the renewal and its 3 retries
        return signedAnswer(request, {lifetime: 600});
      },
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
    let calls = 0;
    const {el, errors} = await embedWith({
      fetchToken: async (request) => {
        if (++calls >= 2) throw new TypeError('Failed to fetch');
        return signedAnswer(request, {lifetime: 600});
      },
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
