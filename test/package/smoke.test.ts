import {expect, fixture, html} from '@open-wc/testing';
import '../../src/define.js';

describe('skeleton', () => {
  it('registers <metabase-embed>', async () => {
    const el = await fixture(html`<metabase-embed></metabase-embed>`);
    expect(el).to.be.instanceOf(customElements.get('metabase-embed'));
  });
});
