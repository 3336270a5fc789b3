// The script-tag bundle as CDN users load it: a classic <script src> of
// dist/cdn/metabase-embed.iife.js (built by `npm test` before the tests run), no module imports.
import {expect} from '@open-wc/testing';
import {bundleUrl, expectWorkingEmbed, loadScript} from './load-bundle.js';

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

  it('shows an embed from the signing endpoint and keeps it sized to its content', expectWorkingEmbed);
});
