// The script-tag bundle as CDN users load it: a classic <script src> of
// dist/cdn/metabase-embed.iife.js (built by `npm test` before the tests run), no module imports.
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {embedPageOrigin, endpointUrl, newSession, requestLog, sendToEmbed} from '../support/embed-page.js';
import type {MetabaseEmbedEventMap} from '../../src/embed/types.js';
import {bundleUrl, loadScript} from './load-bundle.js';

describe('script-tag bundle', () => {
  before(async () => {
    expect(customElements.get('metabase-embed'), 'registered before the bundle ran').to.equal(undefined);
    expect(await loadScript(bundleUrl)).to.deep.equal([]);
  });

  it('is a classic script, not a module', async () => {
    const source = await (await fetch(bundleUrl)).text();
    expect(source).not.to.match(/^\s*(import|export)\s/m);
  });

  it('registers <metabase-embed>', () => {
    const element = document.createElement('metabase-embed');
    expect(customElements.get('metabase-embed')).to.be.a('function');
    expect(element).to.be.instanceOf(customElements.get('metabase-embed')!);
  });

  it('exposes the element class on window.MetabaseEmbed', () => {
    const api = window.MetabaseEmbed!;
    expect(api.MetabaseEmbedElement).to.be.a('function');
    expect(document.createElement('metabase-embed')).to.be.instanceOf(api.MetabaseEmbedElement);
    expect(api.defineMetabaseEmbed).to.be.a('function');
  });

  it('can be loaded a second time without an error or a second registration', async () => {
    const registered = customElements.get('metabase-embed');
    expect(await loadScript(`${bundleUrl}?again`)).to.deep.equal([]);
    expect(customElements.get('metabase-embed')).to.equal(registered);
    window.MetabaseEmbed!.defineMetabaseEmbed();
    expect(customElements.get('metabase-embed')).to.equal(registered);
  });

  it('shows an embed from the signing endpoint and keeps it sized to its content', async () => {
    const session = newSession();
    const element = document.createElement('metabase-embed');
    element.setAttribute('dashboard', '12');
    element.setAttribute('endpoint', endpointUrl({session, height: 420}));
    const loaded = oneEvent<MetabaseEmbedEventMap['metabase-embed-load']>(element, 'metabase-embed-load');
    document.body.append(element);
    try {
      const {detail} = await loaded;
      expect(detail.url.startsWith(`${await embedPageOrigin()}/embed/dashboard/`)).to.equal(true);
      const iframe = element.shadowRoot!.querySelector<HTMLIFrameElement>('iframe[part~="iframe"]')!;
      expect(iframe.src).to.equal(detail.url);
      // Heights arrive by message and apply in an animation frame: more than waitUntil's
      // default second on a loaded machine.
      await waitUntil(() => iframe.style.height === '420px', `height stayed "${iframe.style.height}"`, {
        timeout: 10_000,
      });
      sendToEmbed(iframe, {setHeight: 640});
      await waitUntil(() => iframe.style.height === '640px', `height stayed "${iframe.style.height}"`, {
        timeout: 10_000,
      });
      expect((await requestLog(session)).map(({resource}) => resource)).to.deep.equal([{dashboard: 12}]);
    } finally {
      element.remove();
    }
  });
});
