// Messages posted to the element's page by windows that are not its embed: the test page
// itself (another origin and window), a stranger frame on the embed's own origin, one on a
// third origin, a sandboxed one (origin "null"), and a frame on the test page's origin. Each
// knows the iframe's id (it leaks to any page the embed navigates to). Heights (Metabase's
// frame messages, iframe-resizer's naming the real id, guessable ids, Object.prototype's
// names) and locations must change nothing, and none may make iframe-resizer's parent script
// throw into this page. Each stranger ends its burst with a sentinel, so every forged message
// was handled before the checks; the element's own frame then still resizes it.
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

/** Runs `work` and returns every uncaught error this page saw meanwhile (kept from mocha). */
async function uncaughtErrors(work: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onerror = window.onerror;
  window.onerror = (message): boolean => {
    errors.push(typeof message === 'string' ? message : message.type);
    return true;
  };
  const unhandled = watchUnhandled();
  try {
    await work();
  } finally {
    window.onerror = onerror;
  }
  return [...errors, ...unhandled.stop().filter((seen) => !seen.startsWith('uncaught error: '))];
}

interface Stranger {
  name: string;
  /** Posts each message, then a sentinel, to this page. */
  burst(messages: unknown[], sentinel: string): void;
}

// A sandboxed frame posts what its parent hands it; its origin is opaque ("null").
const sandboxedPage = `<script>
addEventListener('message', (event) => {
  if (event.source !== parent || !Array.isArray(event.data && event.data.burst)) return;
  for (const message of event.data.burst) parent.postMessage(message, '*');
});
</script>`;

const sentinelOf = (sentinel: string) => ({metabaseEmbedTest: {sentinel}});

/** Windows that are not the element's frame. */
async function strangers(): Promise<Stranger[]> {
  const frame = (src: string) => Object.assign(document.createElement('iframe'), {src});
  const embedOrigin = frame(await mintEmbedUrl({resource: {dashboard: 1}, resizer: false}));
  const thirdOrigin = frame(await mintEmbedUrl({resource: {dashboard: 1}, resizer: false, server: 'stranger'}));
  const sandboxed = document.createElement('iframe');
  sandboxed.sandbox.add('allow-scripts');
  sandboxed.srcdoc = sandboxedPage;
  const sandboxLoaded = new Promise((resolve) => sandboxed.addEventListener('load', resolve, {once: true}));
  const testOrigin = document.createElement('iframe');
  testOrigin.srcdoc = '<p>a frame of the host page</p>';
  document.body.append(embedOrigin, thirdOrigin, sandboxed, testOrigin);
  await Promise.all([pageIn(embedOrigin), pageIn(thirdOrigin)]);
  await eventually(() => testOrigin.contentDocument?.readyState === 'complete', 'the srcdoc frame');
  await sandboxLoaded;
  const viaCommands = (target: HTMLIFrameElement) => (messages: unknown[], sentinel: string) => {
    for (const message of [...messages, sentinelOf(sentinel)]) sendToEmbed(target, {postToParent: message});
  };
  return [
    {
      name: 'this page',
      burst: (messages, sentinel) => {
        for (const message of [...messages, sentinelOf(sentinel)]) window.postMessage(message, '*');
      },
    },
    {name: "a frame on the embed's origin", burst: viaCommands(embedOrigin)},
    {name: 'a frame on a third origin', burst: viaCommands(thirdOrigin)},
    {
      name: 'a sandboxed frame (origin "null")',
      burst: (messages, sentinel) =>
        sandboxed.contentWindow!.postMessage({burst: [...messages, sentinelOf(sentinel)]}, '*'),
    },
    {
      name: "a frame on this page's origin",
      burst: (messages, sentinel) => {
        for (const message of [...messages, sentinelOf(sentinel)])
          testOrigin.contentWindow!.parent.postMessage(message, '*');
      },
    },
  ];
}

/** What a stranger may try, knowing the iframe's real id. */
function forgedMessages(iframe: HTMLIFrameElement): unknown[] {
  const location = {
    href: 'https://evil.example/?tenant=9',
    origin: 'https://evil.example',
    pathname: '/',
    search: '?tenant=9',
    hash: '',
  };
  const named = (id: string) =>
    ['init', 'size', 'reset', 'mutationObserver', 'resetPage', 'autoResize:false', 'message:{"x":1}', 'close'].map(
      (type) => `[iFrameSizer]${id}:${FORGED_HEIGHT}:800:${type}`,
    );
  return [
    {metabase: {type: 'frame', frame: {mode: 'normal', height: FORGED_HEIGHT}}},
    {metabase: {type: 'frame', frame: {mode: 'fit', height: FORGED_HEIGHT}}},
    {metabase: {type: 'location', location}},
    ...named(iframe.id),
    ...named(iframe.id), // a burst: each of them twice
    [`[iFrameSizer]${iframe.id}:${FORGED_HEIGHT}:800:size`], // not a string: iframe-resizer reads '' + data
    ...['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'].map(
      (name) => `[iFrameSizer]${name}:${FORGED_HEIGHT}:800:size`,
    ),
    ...Array.from({length: 5}, (_, n) => `[iFrameSizer]iFrameResizer${n}:${FORGED_HEIGHT}:800:size`),
    '[iFrameResizerChild]Ready',
    JSON.stringify({metabase: {type: 'frame', frame: {height: FORGED_HEIGHT}}}),
  ];
}

/** Resolves once each of `names` has come back as a sentinel message. */
function sentinels(names: string[]): Promise<void> {
  const waiting = new Set(names);
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const sentinel = (event.data as {metabaseEmbedTest?: {sentinel?: string}} | null)?.metabaseEmbedTest?.sentinel;
      if (sentinel === undefined || !waiting.delete(sentinel) || waiting.size > 0) return;
      window.removeEventListener('message', onMessage);
      resolve();
    };
    window.addEventListener('message', onMessage);
  });
}

/** Two animation frames: iframe-resizer applies heights in one. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

// Only iframe-resizer sizes the embed: Metabase's frame messages carry the iframe's own height.
for (const resizer of [true]) {
  describe('messages from other windows (iframe-resizer sizes the embed)', () => {
    it('no forged height or location changes anything or throws; the own frame still does', async () => {
      const {el, iframe, events} = await embed(resizer);
      const send = await strangers();
      const before = iframe.getBoundingClientRect().height;
      const errors = await uncaughtErrors(async () => {
        const names = send.map(({name}) => name);
        const allIn = sentinels(names);
        for (const stranger of send) stranger.burst(forgedMessages(iframe), stranger.name);
        await allIn;
        await painted();
        expect(iframe.getBoundingClientRect().height, 'the height after the forged messages').to.equal(before);
        expect(iframe.isConnected, 'the iframe after a forged "close"').to.equal(true);
        // The element's own frame reports a location and a new size.
        sendToEmbed(iframe, {postLocation: {search: '?category=Widget'}});
        sendToEmbed(iframe, {setHeight: 420});
        await eventually(() => events.some(({type}) => type === 'metabase-embed-location'), 'the own location');
        await eventually(() => iframe.getBoundingClientRect().height === 420, 'the own height');
      });
      expect(errors, 'uncaught errors in this page').to.deep.equal([]);

      const locations = events.filter(({type}) => type === 'metabase-embed-location');
      expect(locations).to.have.length(1);
      expect(el.frameParams).to.deep.equal({category: 'Widget'});
      const heights = events
        .filter(({type}) => type === 'metabase-embed-resize')
        .map(({detail}) => (detail as {height: number}).height);
      expect(heights).to.not.include(FORGED_HEIGHT);
      expect(heights.at(-1)).to.equal(420);
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
    sendToEmbed(iframe, {postLocation: {search: '?category=Widget'}});
    await eventually(() => events.some(({type}) => type === 'metabase-embed-location'), 'the good message');
    expect(events.filter(({type}) => type === 'metabase-embed-location')).to.have.length(1);
    expect(el.frameParams).to.deep.equal({category: 'Widget'});
    expect(el.state).to.equal('ready');
    expect(unhandled.stop()).to.deep.equal([]);
  });
});
