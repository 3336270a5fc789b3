import {expect, html} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl, newSession, requestLog} from '../support/embed-page.js';
import {iframesOf, loadedIframe, nextEvent, renderEmbed, until} from './helpers.js';

interface ResizerHandle {
  removeListeners(): void;
}

/**
 * Counts iframe-resizer instances: each sets `iframe.iFrameResizer` when it starts, and is
 * ended by that handle's removeListeners. (The element keeps its own iFrameResize, so the
 * count hooks the handle, not the global.)
 */
function trackResizers() {
  let open = 0;
  const handles = new WeakMap<HTMLIFrameElement, ResizerHandle>();
  Object.defineProperty(HTMLIFrameElement.prototype, 'iFrameResizer', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      return handles.get(this);
    },
    set(this: HTMLIFrameElement, handle: ResizerHandle) {
      open++;
      const removeListeners = handle.removeListeners.bind(handle);
      handle.removeListeners = () => {
        open--;
        removeListeners();
      };
      handles.set(this, handle);
    },
  });
  return {
    open: () => open,
    restore: () => delete (HTMLIFrameElement.prototype as {iFrameResizer?: unknown}).iFrameResizer,
  };
}

/** Listeners added to window and document, and not removed, since tracking began. */
function trackListeners() {
  const spies = [window, document].flatMap((target) => [
    {target, added: true, spy: sinon.spy(target, 'addEventListener')},
    {target, added: false, spy: sinon.spy(target, 'removeEventListener')},
  ]);
  const names = new Map<unknown, number>();
  const nameOf = (listener: unknown) => names.get(listener) ?? names.set(listener, names.size).get(listener);
  function live(): string[] {
    const calls = spies.flatMap(({target, added, spy}) => spy.getCalls().map((call) => ({target, added, call})));
    calls.sort((a, b) => (a.call.calledBefore(b.call) ? -1 : 1));
    const open = new Set<string>();
    for (const {target, added, call} of calls) {
      const key = `${target === window ? 'window' : 'document'} ${String(call.args[0])} #${nameOf(call.args[1])}`;
      if (added) open.add(key);
      else open.delete(key);
    }
    return [...open].sort();
  }
  return {live};
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('lifecycle', () => {
  afterEach(() => sinon.restore());

  it('100 connect/disconnect cycles (moving between parents) leave no timers, listeners, iframes or resizers behind', async function () {
    this.timeout(120_000);
    const clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
    const resizers = trackResizers();
    try {
      const listeners = trackListeners();
      const session = newSession();
      const el = await renderEmbed(
        html`<metabase-embed dashboard="1" endpoint=${endpointUrl({session})}></metabase-embed>`,
      );
      await loadedIframe(el);
      const fetchSpy = sinon.spy(window, 'fetch');
      const connected = {timers: clock.countTimers(), listeners: listeners.live(), resizers: resizers.open()};
      expect(connected.timers).to.equal(1); // the renewal
      expect(connected.listeners).to.have.length(3); // message, visibilitychange, online
      expect(connected.resizers).to.equal(1);
      const parents: [HTMLElement, HTMLElement] = [el.parentElement!, document.createElement('div')];
      document.body.append(parents[1]);
      for (let cycle = 1; cycle <= 100; cycle++) {
        el.remove();
        expect(iframesOf(el)).to.have.length(0);
        expect(clock.countTimers()).to.equal(0);
        parents[cycle % 2 === 0 ? 0 : 1].append(el);
        await until(() => iframesOf(el).length === 1, `the embed is back after cycle ${cycle}`);
      }
      await loadedIframe(el);
      expect({timers: clock.countTimers(), listeners: listeners.live(), resizers: resizers.open()}).to.deep.equal(
        connected,
      );
      expect(iframesOf(el)).to.have.length(1);
      // The token was still valid each time: resumed without asking again.
      expect(fetchSpy.callCount).to.equal(0);
      expect(await requestLog(session)).to.have.length(1);
      el.remove();
      parents[1].remove();
      expect({timers: clock.countTimers(), listeners: listeners.live(), resizers: resizers.open()}).to.deep.equal({
        timers: 0,
        listeners: [],
        resizers: 0,
      });
      expect(iframesOf(el)).to.have.length(0);
    } finally {
      resizers.restore();
    }
  });

  it('no timer runs while disconnected; on reconnect a token past its renewal time is renewed', async () => {
    const clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({lifetime: 600})}></metabase-embed>`,
    );
    await loadedIframe(el);
    const parent = el.parentElement!;
    const tokens: string[] = [];
    el.addEventListener('metabase-embed-token', (event) => tokens.push(event.detail.reason));
    el.remove();
    await clock.tickAsync(700_000);
    expect(tokens).to.deep.equal([]);
    const renewed = nextEvent(el, 'metabase-embed-token');
    parent.append(el);
    expect((await renewed).detail.reason).to.equal('renew');
  });

  it('disconnecting aborts the request in flight; reconnecting asks again', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const session = newSession();
    const el = document.createElement('metabase-embed');
    el.setAttribute('dashboard', '1');
    el.setAttribute('endpoint', endpointUrl({session, delayMs: 300}));
    const parent = await renderEmbed(html`<div></div>`);
    parent.append(el);
    await until(() => fetchSpy.callCount === 1, 'the request starts');
    el.remove();
    const signal = fetchSpy.firstCall.args[1]!.signal!;
    expect(signal.aborted).to.equal(true);
    expect(el.state).to.not.equal('ready');
    parent.append(el);
    await loadedIframe(el);
    expect(fetchSpy.callCount).to.equal(2);
    expect(iframesOf(el)).to.have.length(1);
  });
});

describe('lifecycle: loading="lazy"', () => {
  afterEach(() => sinon.restore());

  it('asks for no token until the element is within 200 px of the viewport', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const wrapper = await renderEmbed(html`<div>
      <div style="height: ${innerHeight + 400}px"></div>
      <metabase-embed dashboard="1" loading="lazy" endpoint=${endpointUrl()}></metabase-embed>
    </div>`);
    const el = wrapper.querySelector('metabase-embed')!;
    await frame();
    await frame();
    expect(el.state).to.equal('idle');
    expect(fetchSpy.callCount).to.equal(0);
    const token = nextEvent(el, 'metabase-embed-token');
    window.scrollTo(0, 250); // the element's top is now 150 px below the viewport
    expect((await token).detail.reason).to.equal('initial');
    await loadedIframe(el);
    window.scrollTo(0, 0);
  });

  it('loads at once when it is already within 200 px of the viewport', async () => {
    const wrapper = await renderEmbed(html`<div>
      <div style="height: ${innerHeight + 150}px"></div>
      <metabase-embed dashboard="1" loading="lazy" endpoint=${endpointUrl()}></metabase-embed>
    </div>`);
    const el = wrapper.querySelector('metabase-embed')!;
    await loadedIframe(el);
    expect(el.state).to.equal('ready');
  });
});
