// In Chromium: <metabase-embed> shows an emulator dashboard through the Python and the Ruby
// token endpoints (demo/backends/), started by test/support/backends-plugin.ts. The embed
// is read as a visitor sees it (through the browser's DevTools connection), and the
// tenant comes from the backend's session, not from the page.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import type {MetabaseEmbedErrorDetail} from '../../src/embed/embed-types.js';
import {claimsOf, embedView, nextLoad, tokenInUrl} from '../e2e/demo-stack.js';
import {testServer} from '../../support/servers.js';

interface BackendServers {
  origin: string;
  emulatorOrigin: string;
  endpoints: Record<'python' | 'ruby', string>;
}

const nextError = async (el: MetabaseEmbedElement) =>
  (await oneEvent<CustomEvent<MetabaseEmbedErrorDetail>>(el, 'metabase-embed-error')).detail;

const signInAs = (user: string) => (document.cookie = `demo_user=${user}; path=/; SameSite=Strict`);

for (const backend of ['python', 'ruby'] as const) {
  describe(`the ${backend} token endpoint`, () => {
    let servers: BackendServers;

    before(async () => {
      servers = await testServer<BackendServers>('backends');
    });

    afterEach(() => signInAs('nobody; max-age=0'));

    const embed = (attributes: {category?: string; tenant?: string} = {}) =>
      fixture<MetabaseEmbedElement>(
        html`<metabase-embed
          dashboard="1"
          endpoint=${servers.endpoints[backend]}
          param-category=${attributes.category ?? 'Gizmo'}
          title="Sales"
          style="height: 500px"
        ></metabase-embed>`,
      );

    it("shows the emulator's dashboard, with the session's tenant and the page's filter, and re-signs on a filter change", async () => {
      signInAs('grace');
      const el = await embed();
      const url = await nextLoad(el);

      expect(new URL(url).origin).to.equal(servers.emulatorOrigin);
      const token = tokenInUrl(url);
      expect(claimsOf(token).params).to.deep.equal({category: 'Gizmo', tenant: 'Globex'});
      const view = await embedView(token);
      expect(view.pageError).to.equal(null);
      expect(view.title).to.equal('Sales overview');
      expect(view.cardErrors).to.deep.equal([]);
      expect(view.cards.length).to.be.greaterThan(1);
      expect(view.cards.every((card) => card.text.length > 0)).to.equal(true);
      // The token sets tenant and category, so only the order date is left as a widget.
      expect(view.parameters.map((parameter) => parameter.slug)).to.deep.equal(['created_at']);

      const next = nextLoad(el);
      el.setAttribute('param-category', 'Widget');
      const widget = tokenInUrl(await next);
      expect(claimsOf(widget).params).to.deep.equal({category: 'Widget', tenant: 'Globex'});
      expect((await embedView(widget)).pageError).to.equal(null);
    });

    it('refuses a tenant set by the page (400): nothing is shown', async () => {
      signInAs('ada');
      const el = await fixture<MetabaseEmbedElement>(
        html`<metabase-embed dashboard="1" endpoint=${servers.endpoints[backend]} param-tenant="Globex"></metabase-embed>`,
      );
      const detail = await nextError(el);
      expect(detail.status).to.equal(400);
      expect(el.state).to.equal('error');
      expect(el.shadowRoot!.querySelectorAll('iframe')).to.have.length(0);
    });

    it('without a session the endpoint answers 401 and no embed is shown', async () => {
      const el = await embed();
      const detail = await nextError(el);
      expect(detail.status).to.equal(401);
      expect(el.shadowRoot!.querySelectorAll('iframe')).to.have.length(0);
    });
  });
}
