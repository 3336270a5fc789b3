// Messages posted to the element's page by windows that are not its embed: the test page
// itself (another origin and window), a stranger frame on the embed's own origin, and a
// frame on the test page's origin. Heights (Metabase's frame messages, iframe-resizer's with
// guessable ids and with the real one) and locations must change nothing. Each test ends
// with a sentinel from the element's own frame, so every forged message was handled first.
import {expect, html} from '@open-wc/testing';
import {endpointUrl, mintEmbedUrl, sendToEmbed} from '../support/embed-page.js';
import {loadedIframe, pageIn, recordEvents, renderEmbed} from '../element/helpers.js';
import {eventually, watchUnhandled} from './browser-support.js';

const FORGED_HEIGHT = 999;

async function embed(resizer: boolean) {
  const endpoint = endpointUrl({height: 300, ...(resizer ? {} : {resizer: false})});
  const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpoint}></metabase-embed>`);
  const events = recordEvents(el, 'metabase-embed-location', 'metabase-embed-resize');
  const iframe = await loadedIframe(el);
  await pageIn(iframe);
  if (resizer) await eventually(() => iframe.getBoundingClientRect().height === 300, 'the embed at its own height');
  return {el, iframe, events};
}

/**
 * Runs `work` counting iframe-resizer's refusals: it throws (an uncaught error on this page)
 * for each message that names a resizer's id from an origin it does not trust.
 */
async function countingRefusals(work: () => Promise<void>): Promise<number> {
  let refusals = 0;
  const onerror = window.onerror;
  window.onerror = (message, ...rest): boolean => {
    const text = typeof message === 'string' ? message : message.type;
    if (!/^(Uncaught )?Error: Unexpected message received from/.test(text)) return onerror?.(message, ...rest) === true;
    refusals++;
    return true;
  };
  try {
    await work();
  } finally {
    window.onerror = onerror;
  }
  return refusals;
}

interface Stranger {
  name: string;
  /** Whether it is on the embed's origin (iframe-resizer trusts the origin, not the window). */
  embedOrigin: boolean;
  post(message: unknown): void;
}

/** Windows that are not the element's frame: this page, a frame on the embed's origin, one on this page's. */
async function strangers(): Promise<Stranger[]> {
  const sameEmbedOrigin = document.createElement('iframe');
  sameEmbedOrigin.src = await mintEmbedUrl({resource: {dashboard: 1}, resizer: false});
  const sameTestOrigin = document.createElement('iframe');
  sameTestOrigin.srcdoc = '<p>a frame of the host page</p>';
  document.body.append(sameEmbedOrigin, sameTestOrigin);
  await pageIn(sameEmbedOrigin);
  await eventually(() => sameTestOrigin.contentDocument?.readyState === 'complete', 'the srcdoc frame');
  return [
    {name: 'this page', embedOrigin: false, post: (message) => window.postMessage(message, '*')},
    {
      name: "a frame on the embed's origin",
      embedOrigin: true,
      post: (message) => sendToEmbed(sameEmbedOrigin, {postToParent: message}),
    },
    {
      name: "a frame on this page's origin",
      embedOrigin: false,
      post: (message) => sameTestOrigin.contentWindow!.parent.postMessage(message, '*'),
    },
  ];
}

/**
 * What a stranger may try. The iframe's real id is a secret only the element's frame learns
 * (a window on the embed's origin naming it would be believed by iframe-resizer, which checks
 * origins, not windows), so only windows off that origin try it here: the attacker knowing it.
 */
function forgedMessages(iframe: HTMLIFrameElement, stranger: Stranger): unknown[] {
  const location = {
    href: 'https://evil.example/?tenant=9',
    origin: 'https://evil.example',
    pathname: '/',
    search: '?tenant=9',
    hash: '',
  };
  return [
    {metabase: {type: 'frame', frame: {mode: 'normal', height: FORGED_HEIGHT}}},
    {metabase: {type: 'frame', frame: {mode: 'fit', height: FORGED_HEIGHT}}},
    {metabase: {type: 'location', location}},
    ...(stranger.embedOrigin
      ? []
      : [`[iFrameSizer]${iframe.id}:${FORGED_HEIGHT}:800:init`, `[iFrameSizer]${iframe.id}:${FORGED_HEIGHT}:800:size`]),
    ...Array.from({length: 5}, (_, n) => `[iFrameSizer]iFrameResizer${n}:${FORGED_HEIGHT}:800:size`),
    JSON.stringify({metabase: {type: 'frame', frame: {height: FORGED_HEIGHT}}}),
  ];
}

for (const resizer of [true, false]) {
  describe(`messages from other windows (${resizer ? 'iframe-resizer' : "Metabase's frame messages"} sizes the embed)`, () => {
    it('no forged height or location changes anything; the own frame still does', async () => {
      const {el, iframe, events} = await embed(resizer);
      const send = await strangers();
      const unhandled = watchUnhandled();
      const refusals = await countingRefusals(async () => {
        for (const stranger of send) for (const message of forgedMessages(iframe, stranger)) stranger.post(message);
        // Sentinel: the element's own frame reports a location and a new size.
        sendToEmbed(iframe, {postLocation: {search: '?category=Widget'}});
        if (resizer) sendToEmbed(iframe, {setHeight: 420});
        else sendToEmbed(iframe, {postFrame: {height: 420}});
        await eventually(() => events.some(({type}) => type === 'metabase-embed-location'), 'the own location');
        await eventually(() => iframe.getBoundingClientRect().height === 420, 'the own height');
      });
      // The real id from the two windows off the embed's origin (2 messages each): iframe-resizer
      // throws an error into this page for each, whether or not the embed page runs its child.
      expect(refusals).to.equal(4);

      const locations = events.filter(({type}) => type === 'metabase-embed-location');
      expect(locations).to.have.length(1);
      expect(el.frameParams).to.deep.equal({category: 'Widget'});
      const heights = events
        .filter(({type}) => type === 'metabase-embed-resize')
        .map(({detail}) => (detail as {height: number}).height);
      expect(heights).to.not.include(FORGED_HEIGHT);
      expect(heights.at(-1)).to.equal(420);
      const refusal = /Unexpected message received from/;
      expect(unhandled.stop().filter((seen) => !refusal.test(seen))).to.deep.equal([]);
    });
  });
}

describe('messages: malformed ones from the own frame', () => {
  it('are ignored without an error; the next good one still counts', async () => {
    const unhandled = watchUnhandled();
    const {el, iframe, events} = await embed(false);
    const junk: unknown[] = [
      null,
      42,
      'metabase',
      {metabase: null},
      {metabase: {type: 'frame', frame: {height: -5}}},
      {metabase: {type: 'frame', frame: {height: 'Infinity'}}},
      {metabase: {type: 'frame', frame: {height: 1e308 * 10}}},
      {metabase: {type: 'location', location: {search: 7}}},
      {metabase: {type: 'location', location: {search: '?a=1', href: {toString: 1}}}},
      {metabase: {type: '__proto__'}},
      {['__proto__']: {metabase: {type: 'frame', frame: {height: FORGED_HEIGHT}}}},
    ];
    for (const message of junk) sendToEmbed(iframe, {postToParent: message});
    sendToEmbed(iframe, {postFrame: {height: 420}});
    await eventually(() => iframe.getBoundingClientRect().height === 420, 'the good message');
    expect(events.filter(({type}) => type === 'metabase-embed-location')).to.have.length(0);
    expect(el.state).to.equal('ready');
    expect(unhandled.stop()).to.deep.equal([]);
  });
});
