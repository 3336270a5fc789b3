// The ES module CDN bundle as CDN users load it: <script type="module" src> of
// dist/cdn/metabase-embed.js (built by `npm test` before the tests run), nothing else imported.
import {expect} from '@open-wc/testing';
import {expectWorkingEmbed, loadScript, moduleBundleUrl} from './load-bundle.js';

type PublicApi = typeof import('../../src/index.js');

describe('ES module CDN bundle', () => {
  before(async () => {
    expect(customElements.get('metabase-embed'), 'registered before the bundle ran').to.equal(undefined);
    expect(await loadScript(moduleBundleUrl, 'module')).to.deep.equal([]);
  });

  it('is one self-contained module: no import statements, no window.MetabaseEmbed', async () => {
    const source = await (await fetch(moduleBundleUrl)).text();
    expect(source).not.to.match(/(^|[;}])\s*import\s*[{*\w'"]/m);
    expect(source).not.to.match(/\bimport\s*\(/);
    expect(window.MetabaseEmbed).to.equal(undefined);
  });

  it('registers <metabase-embed> and exports the public API', async () => {
    const api = (await import(/* @vite-ignore */ moduleBundleUrl)) as PublicApi;
    expect(customElements.get('metabase-embed')).to.be.a('function');
    expect(document.createElement('metabase-embed')).to.be.instanceOf(api.MetabaseEmbedElement);
    expect(api.tagName).to.equal('metabase-embed');
    const registered = customElements.get('metabase-embed');
    api.defineMetabaseEmbed();
    expect(customElements.get('metabase-embed')).to.equal(registered);
  });

  it('shows an embed from the signing endpoint and keeps it sized to its content', expectWorkingEmbed);
});
