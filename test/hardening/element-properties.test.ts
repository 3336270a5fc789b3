// Property-based (fast-check): random sequences of attribute changes, connects,
// disconnects, moves and endpoint delays, under a fake clock. Invariants: once settled, the
// one visible embed's token carries exactly the latest attributes; a disconnect aborts
// every request in flight; after removal no timer and no window/document listener is left.
// Runs are few (CI-sized); every run prints its seed, and a failure names the seed and the
// shrunk sequence (set `seed` below to replay it).
import {expect, html} from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import type {FetchToken} from '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {iframesOf, pageIn, renderEmbed, signedAnswer, visibleIframe} from '../element/helpers.js';
import {advance, eventually, fakeClock, watchUnhandled, type FakeClock} from './browser-support.js';

type Command =
  | {kind: 'param'; slug: 'category' | 'state'; value: string | null}
  | {kind: 'params'; value: Record<string, string> | undefined}
  | {kind: 'dashboard'; id: number}
  | {kind: 'disconnect' | 'connect' | 'move'}
  | {kind: 'delay'; ms: number}
  | {kind: 'tick'; ms: number};

const value = fc.constantFrom('Gizmo', 'Widget', 'a&b=c', 'x#y', 'Ünïcödé');
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('param' as const),
    slug: fc.constantFrom('category' as const, 'state' as const),
    value: fc.option(value, {nil: null}),
  }),
  fc.record({
    kind: fc.constant('params' as const),
    value: fc.option(fc.dictionary(fc.constantFrom('category', 'region'), value, {maxKeys: 2}), {nil: undefined}),
  }),
  fc.record({kind: fc.constant('dashboard' as const), id: fc.integer({min: 1, max: 3})}),
  fc.record({kind: fc.constantFrom('disconnect' as const, 'connect' as const, 'move' as const)}),
  fc.record({kind: fc.constant('delay' as const), ms: fc.integer({min: 0, max: 400})}),
  fc.record({kind: fc.constant('tick' as const), ms: fc.integer({min: 0, max: 600})}),
);

/** Window and document listeners added and not yet removed, counted from now on. */
function trackListeners(): () => string[] {
  const live = new Map<string, number>();
  for (const target of [window, document] as EventTarget[]) {
    const name = target === window ? 'window' : 'document';
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    const listenerIds = new WeakMap<object, number>();
    let next = 0;
    const keyOf = (type: string, listener: unknown) => {
      if (typeof listener !== 'object' && typeof listener !== 'function') return `${name}:${type}:?`;
      if (!listenerIds.has(listener!)) listenerIds.set(listener!, next++);
      return `${name}:${type}:${listenerIds.get(listener!)}`;
    };
    sinon.stub(target, 'addEventListener').callsFake((type: string, listener, options) => {
      const key = keyOf(type, listener);
      if (!live.has(key)) live.set(key, 1);
      add(type, listener, options);
    });
    sinon.stub(target, 'removeEventListener').callsFake((type: string, listener, options) => {
      live.delete(keyOf(type, listener));
      remove(type, listener, options);
    });
  }
  return () => [...live.keys()];
}

/** The params the element should sign: `params`, then each `param-*` attribute over it. */
function expectedParams(el: MetabaseEmbedElement): Record<string, string> {
  const fromAttributes = Object.fromEntries(
    [...el.attributes].filter(({name}) => name.startsWith('param-')).map(({name, value}) => [name.slice(6), value]),
  );
  return {...(el.params as Record<string, string> | undefined), ...fromAttributes};
}

interface Call {
  signal: AbortSignal;
  settled: boolean;
}

async function runSequence(commands: Command[]) {
  const clock: FakeClock = fakeClock();
  const unhandled = watchUnhandled(); // its own two listeners are added before counting starts
  const listeners = trackListeners();
  const calls: Call[] = [];
  let delayMs = 0;
  const fetchToken: FetchToken = async ({resource, params, signal}) => {
    const call: Call = {signal, settled: false};
    calls.push(call);
    try {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return await signedAnswer({resource, params});
    } finally {
      call.settled = true;
    }
  };
  const [home, elsewhere] = [await renderEmbed(html`<div></div>`), await renderEmbed(html`<div></div>`)];
  const el = document.createElement('metabase-embed');
  el.setAttribute('dashboard', '1');
  el.fetchToken = fetchToken;
  home.append(el);
  try {
    for (const step of commands) {
      if (step.kind === 'param') {
        if (step.value === null) el.removeAttribute(`param-${step.slug}`);
        else el.setAttribute(`param-${step.slug}`, step.value);
      } else if (step.kind === 'params') el.params = step.value;
      else if (step.kind === 'dashboard') el.setAttribute('dashboard', String(step.id));
      else if (step.kind === 'disconnect') {
        el.remove();
        await el.updateComplete;
        const outliving = calls.filter((call) => !call.settled && !call.signal.aborted);
        expect(outliving, 'requests outliving a disconnect').to.have.length(0);
      } else if (step.kind === 'connect') {
        if (!el.isConnected) home.append(el);
      } else if (step.kind === 'move') (el.parentElement === home ? elsewhere : home).append(el);
      else if (step.kind === 'delay') delayMs = step.ms;
      else if (step.kind === 'tick') await clock.tickAsync(step.ms);
      await el.updateComplete;
    }

    // Settle: connected, every request answered, one frame on screen.
    if (!el.isConnected) home.append(el);
    const settled = () => el.state === 'ready' && calls.every((call) => call.settled) && iframesOf(el).length === 1;
    // Fake time for the endpoint delays, real time for the answers and the frames to load.
    await advance(clock, 60_000, 50, {done: settled});
    await eventually(settled, 'the element settles');
    const page = await pageIn(visibleIframe(el)!);
    expect(page.resource).to.deep.equal({dashboard: Number(el.getAttribute('dashboard'))});
    expect(page.tokenParams).to.deep.equal(expectedParams(el));

    el.remove();
    await el.updateComplete;
    await clock.tickAsync(0);
    expect(clock.countTimers(), 'timers left after removal').to.equal(0);
    expect(listeners(), 'listeners left after removal').to.deep.equal([]);
    expect(calls.filter((call) => !call.settled && !call.signal.aborted)).to.have.length(0);
    expect(unhandled.stop()).to.deep.equal([]);
  } finally {
    el.remove();
    home.remove();
    elsewhere.remove();
    sinon.restore();
  }
}

describe('properties: random sequences of changes', () => {
  it('settle on exactly the latest attributes, with nothing left behind', async () => {
    const seed = Date.now() % 2 ** 31;
    console.log(`  element properties: seed ${seed}`);
    const result = await fc.check(fc.asyncProperty(fc.array(command, {minLength: 1, maxLength: 8}), runSequence), {
      numRuns: 12,
      seed,
      endOnFailure: true,
    });
    if (result.failed) {
      throw new Error(
        `seed ${seed}: ${JSON.stringify(result.counterexample)} failed: ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}`,
      );
    }
  });
});
