// The element with filter slugs the visitor chose inside the embed, named after
// Object.prototype's members (`constructor`, `__proto__`, …): the embed page posts them in
// its location, as Metabase's does. No uncaught error (the DataCloneError of a function
// value), `frameParams` and the event detail hold exactly the own slugs, and the next embed
// URL carries them as text, never `function Object() { [native code] }`.
import {expect, html} from '@open-wc/testing';
import fc from 'fast-check';
import {endpointUrl, sendToEmbed} from '../support/embed-page.js';
import {SUSPECT_KEYS, paramsModel, slugArbitrary} from '../support/suspect-keys.js';
import {loadedIframe, pageIn, recordEvents, renderEmbed, until, visibleIframe} from '../element/helpers.js';

const ownEntries = (value: object) => new Map(Object.entries(value));

describe('suspect slugs in the embed’s location', () => {
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('location messages: frameParams and the event hold the own slugs, cloneable, no uncaught error (property)', async () => {
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl()}></metabase-embed>`);
    const locations = recordEvents(el, 'metabase-embed-location');
    const iframe = await loadedIframe(el);
    await pageIn(iframe);
    const pair = fc.tuple(slugArbitrary, fc.constantFrom('Widget', '1', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(pair, {minLength: 1, maxLength: 6}), async (pairs) => {
        const count = locations.length;
        sendToEmbed(iframe, {postLocation: {search: `?${new URLSearchParams(pairs.map(([s, v]) => [s, v]))}`}});
        await until(() => locations.length === count + 1 || uncaught.length > 0, 'a location event');
        expect(uncaught).to.deep.equal([]);
        const expected = paramsModel(pairs);
        const detail = locations.at(-1)!.detail as {params: object};
        expect(ownEntries(detail.params)).to.deep.equal(expected);
        expect(ownEntries(structuredClone(detail).params)).to.deep.equal(expected);
        expect(ownEntries(el.frameParams)).to.deep.equal(expected);
      }),
      {numRuns: 40},
    );
  });

  it('the next embed URL carries every suspect slug as text', async () => {
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl()}></metabase-embed>`);
    const locations = recordEvents(el, 'metabase-embed-location');
    const first = await loadedIframe(el);
    await pageIn(first);
    const search = new URLSearchParams(SUSPECT_KEYS.map((slug) => [slug, 'v']));
    sendToEmbed(first, {postLocation: {search: `?${search}`}});
    await until(() => locations.length === 1, 'a location event');
    el.reload();
    await until(() => visibleIframe(el) !== first && visibleIframe(el) !== undefined, 'a new frame');
    const url = new URL(visibleIframe(el)!.src);
    expect(url.search).to.not.match(/function|native/);
    expect(ownEntries(Object.fromEntries(url.searchParams))).to.deep.equal(new Map(search));
    expect(uncaught).to.deep.equal([]);
  });
});
