// Typing in a host-page filter bound to the element: 20 changes 10 ms apart ask for at most
// three tokens (the first at once, then at most one per 150 ms, each for the values of its
// moment), and the last value is asked for within 150 ms of the last change. Fake clock;
// the answers are real signed URLs.
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {coalesceMs} from '../../src/embed/token-policy.js';
import {embedWith, loadedIframe, nextTask, pageIn, signedAnswer, until, visibleIframe} from './helpers.js';

const CHANGES = 20;

describe('typing in a filter', () => {
  afterEach(() => sinon.restore());

  it(`${CHANGES} changes 10 ms apart make at most 3 token requests, the last for the last value`, async () => {
    const clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
    const calls: Array<{params: unknown; at: number; signal: AbortSignal; url?: string}> = [];
    const {el} = await embedWith({
      attributes: {'param-category': 'start'},
      fetchToken: async ({resource, params, signal}) => {
        const call: (typeof calls)[0] = {params, at: Date.now(), signal};
        calls.push(call);
        const answer = await signedAnswer({resource, params});
        call.url = answer.url;
        return answer;
      },
    });
    // The first load asks at once: no clock tick before it.
    await until(() => calls.length === 1, 'the first request');
    await loadedIframe(el);
    const before = calls.length;
    let lastChangeAt = 0;
    for (let change = 0; change < CHANGES; change++) {
      el.setAttribute('param-category', `typed-${change}`);
      lastChangeAt = Date.now();
      await el.updateComplete;
      await nextTask();
      await clock.tickAsync(10);
    }
    // Time enough for the last request to start; its answer is real, so wait for it in real time.
    await clock.tickAsync(coalesceMs);
    const typed = calls.slice(before);
    expect(typed.length, 'token requests while typing').to.be.within(1, 3);
    const last = typed.at(-1)!;
    expect(last.params).to.deep.equal({category: `typed-${CHANGES - 1}`});
    expect(last.at - lastChangeAt, 'ms from the last change to its request').to.be.at.most(coalesceMs);
    expect(
      typed.slice(0, -1).every(({signal}) => signal.aborted),
      'earlier requests aborted',
    ).to.equal(true);
    clock.restore();
    await until(() => last.url !== undefined, 'the last answer');
    await until(
      () => el.state === 'ready' && !!visibleIframe(el)?.src.startsWith(last.url!),
      'the last value on screen',
    );
    expect((await pageIn(visibleIframe(el)!)).tokenParams).to.deep.equal({category: `typed-${CHANGES - 1}`});
  });
});
