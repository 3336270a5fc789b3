import {expect, html} from '@open-wc/testing';
import {endpointUrl, mintEmbedUrl, sendToEmbed} from '../support/embed-page.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {loadedIframe, pageIn, recordEvents, renderEmbed, until} from './helpers.js';

async function embed(knobs: Parameters<typeof endpointUrl>[0] = {}) {
  const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl(knobs)}></metabase-embed>`);
  const locations = recordEvents(el, 'metabase-embed-location');
  const iframe = await loadedIframe(el);
  await pageIn(iframe);
  return {el, iframe, locations};
}

/** Another iframe on the embed's origin, not the element's: a stranger window. */
async function strangerFrame(): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.src = await mintEmbedUrl({resource: {dashboard: 1}, resizer: false});
  document.body.append(iframe);
  await pageIn(iframe);
  return iframe;
}

/** Sends a message from the element's own frame and waits for it, so anything sent before was handled. */
async function sync(el: MetabaseEmbedElement, iframe: HTMLIFrameElement, locations: unknown[], search: string) {
  const count = locations.length;
  sendToEmbed(iframe, {postLocation: {search}});
  await until(() => locations.length === count + 1, "the element sees its own frame's message");
  expect(el.frameParams).to.deep.equal(Object.fromEntries(new URLSearchParams(search)));
}

describe('messages from the embed', () => {
  it('a location message from its own frame sets frameParams and fires metabase-embed-location', async () => {
    const {el, iframe, locations} = await embed();
    sendToEmbed(iframe, {postLocation: {search: '?category=Widget&state=CA&state=NY'}});
    await until(() => locations.length === 1, 'a location event');
    const detail = locations[0]?.detail as {
      params: unknown;
      location: {search: string; origin: string; pathname: string};
    };
    expect(detail.params).to.deep.equal({category: 'Widget', state: ['CA', 'NY']});
    expect(detail.location.search).to.equal('?category=Widget&state=CA&state=NY');
    expect(detail.location.origin).to.equal(new URL(iframe.src).origin);
    expect(detail.location.pathname).to.equal(new URL(iframe.src).pathname);
    expect(el.frameParams).to.deep.equal({category: 'Widget', state: ['CA', 'NY']});
    // A copy: changing it changes nothing inside.
    el.frameParams.category = 'x';
    expect(el.frameParams.category).to.equal('Widget');
  });

  it("ignores iframe-resizer messages from another window on the embed's origin, whatever id they name", async () => {
    const {el, iframe, locations} = await embed({height: 420});
    await until(() => iframe.style.height === '420px', 'iframe-resizer sized the frame');
    const stranger = await strangerFrame();
    try {
      // Every id iframe-resizer would have given by default, then the real one's shape.
      for (let n = 0; n < 50; n++) sendToEmbed(stranger, {postToParent: `[iFrameSizer]iFrameResizer${n}:999:800:init`});
      // The real id too: iframe-resizer alone trusts any window on the iframe's origin.
      sendToEmbed(stranger, {postToParent: `[iFrameSizer]${iframe.id}:999:800:init`});
      await sync(el, iframe, locations, '?category=Real');
      expect(iframe.style.height).to.equal('420px');
    } finally {
      stranger.remove();
    }
  });

  it('ignores iframe-resizer messages naming the real id from another origin (this page), without an error', async () => {
    const {el, iframe, locations} = await embed({height: 420});
    await until(() => iframe.style.height === '420px', 'iframe-resizer sized the frame');
    // iframe-resizer alone throws into this page for each (see iframe-resizer/message-guard.ts).
    const errors: string[] = [];
    const onerror = window.onerror;
    window.onerror = (message) => {
      errors.push(typeof message === 'string' ? message : message.type);
      return true;
    };
    try {
      window.postMessage(`[iFrameSizer]${iframe.id}:999:800:init`, '*');
      window.postMessage(`[iFrameSizer]${iframe.id}:998:800:autoResize`, '*');
      await sync(el, iframe, locations, '?category=Real');
      expect(errors).to.deep.equal([]);
      expect(iframe.style.height).to.equal('420px');
    } finally {
      window.onerror = onerror;
    }
  });

  it("gives each embed's iframe its own random id", async () => {
    const first = await embed();
    const second = await embed();
    expect(first.iframe.id).to.not.equal(second.iframe.id);
    for (const {iframe} of [first, second]) expect(iframe.id).to.match(/^metabase-embed-[0-9a-f]{32}$/);
  });

  it("ignores location and frame messages from another window on the embed's origin", async () => {
    const {el, iframe, locations} = await embed({resizer: false}); // so that frame messages would count
    const stranger = await strangerFrame();
    try {
      sendToEmbed(stranger, {postLocation: {search: '?category=Forged'}});
      sendToEmbed(stranger, {postFrame: {height: 999}});
      await sync(el, iframe, locations, '?category=Real');
      expect(locations).to.have.length(1);
      expect(iframe.style.height).to.equal('');
    } finally {
      stranger.remove();
    }
  });

  it('ignores Metabase-shaped messages from this page (another origin, another window)', async () => {
    const {el, iframe, locations} = await embed({resizer: false}); // so that frame messages would count
    const location = {href: 'x', origin: 'x', pathname: '/', search: '?category=Forged', hash: ''};
    window.postMessage({metabase: {type: 'location', location}}, '*');
    window.postMessage({metabase: {type: 'frame', frame: {mode: 'normal', height: 999}}}, '*');
    await sync(el, iframe, locations, '?category=Real');
    expect(locations).to.have.length(1);
    expect(iframe.style.height).to.equal('');
  });

  it('ignores malformed messages from its own frame without breaking', async () => {
    const {el, iframe, locations} = await embed({resizer: false});
    for (const data of [
      {metabase: {type: 'location', location: {search: 42}}},
      {metabase: {type: 'location'}},
      {metabase: {type: 'frame', frame: {height: '999'}}},
      {metabase: {type: 'frame', frame: {height: -5}}},
      {metabase: 'frame'},
      '[iFrameSizer]forged:999:999:init',
      null,
    ]) {
      sendToEmbed(iframe, {postToParent: data});
    }
    await sync(el, iframe, locations, '?category=Real');
    expect(locations).to.have.length(1);
    expect(iframe.style.height).to.equal('');
    expect(el.state).to.equal('ready');
  });
});
