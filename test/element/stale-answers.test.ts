// The last change wins: a request for values no longer asked for is aborted, and its late
// answer is never shown.
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl, newSession} from '../support/embed-page.js';
import {embedWith, iframesOf, loadedIframe, nextTask, pageIn, recordEvents, signedAnswer, until} from './helpers.js';

describe('stale answers', () => {
  afterEach(() => sinon.restore());

  it('a slow old answer never replaces a newer one (fetchToken that ignores its signal)', async () => {
    const calls: Array<{params: unknown; signal: AbortSignal; answer: (value: {url: string}) => void}> = [];
    const {el, errors} = await embedWith({
      attributes: {'param-category': 'Gizmo'},
      fetchToken: (request) => new Promise((resolve) => calls.push({...request, answer: resolve})),
    });
    const tokens = recordEvents(el, 'metabase-embed-token');
    await until(() => calls.length === 1, 'the first request');
    el.setAttribute('param-category', 'Widget');
    await until(() => calls.length === 2, 'the second request');
    const [first, second] = calls as [(typeof calls)[0], (typeof calls)[0]];
    expect(first.signal.aborted).to.equal(true);
    second.answer(await signedAnswer({resource: {dashboard: 1}, params: second.params}));
    const iframe = await loadedIframe(el);
    first.answer(await signedAnswer({resource: {dashboard: 1}, params: first.params}));
    await nextTask();
    await el.updateComplete;
    expect(tokens).to.have.length(1);
    expect(errors(), 'the aborted request reports nothing').to.deep.equal([]);
    expect(iframesOf(el)).to.deep.equal([iframe]);
    expect((await pageIn(iframe)).tokenParams).to.deep.equal({category: 'Widget'});
  });

  it('a change while a request is in flight aborts it (endpoint)', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const session = newSession();
    const {el} = await embedWith({
      attributes: {endpoint: endpointUrl({session, delayMs: 400}), 'param-category': 'Gizmo'},
    });
    await until(() => fetchSpy.callCount === 1, 'the first request');
    el.setAttribute('param-category', 'Widget');
    await until(() => fetchSpy.callCount === 2, 'the second request');
    expect(fetchSpy.firstCall.args[1]!.signal!.aborted).to.equal(true);
    expect((await pageIn(await loadedIframe(el))).tokenParams).to.deep.equal({category: 'Widget'});
  });

  it('going back to the values on screen while a request for others is in flight drops that request', async () => {
    const calls: Array<{params: unknown; signal: AbortSignal; answer: (value: {url: string}) => void}> = [];
    const {el} = await embedWith({
      attributes: {'param-category': 'Gizmo'},
      fetchToken: (request) => new Promise((resolve) => calls.push({...request, answer: resolve})),
    });
    await until(() => calls.length === 1, 'the first request');
    const [gizmo] = calls as [(typeof calls)[0]];
    gizmo.answer(await signedAnswer({resource: {dashboard: 1}, params: gizmo.params}));
    const iframe = await loadedIframe(el);
    el.setAttribute('param-category', 'Widget');
    await until(() => calls.length === 2, 'the request for Widget');
    el.setAttribute('param-category', 'Gizmo');
    const [, widget] = calls as [(typeof calls)[0], (typeof calls)[0]];
    await until(() => widget.signal.aborted, 'the request for Widget is aborted');
    widget.answer(await signedAnswer({resource: {dashboard: 1}, params: widget.params}));
    await nextTask();
    await el.updateComplete;
    expect(calls).to.have.length(2); // the Gizmo token on screen still serves
    expect(iframesOf(el)).to.deep.equal([iframe]);
    expect((await pageIn(iframe)).tokenParams).to.deep.equal({category: 'Gizmo'});
  });
});
