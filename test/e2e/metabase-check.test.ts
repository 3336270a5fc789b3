// End to end: a token endpoint with `checkWithMetabase` (test/support/checked-endpoint-plugin.ts)
// in front of the emulator. Metabase's refusal of an unpublished dashboard, which a plain
// endpoint leaves inside the cross-origin frame, reaches the element: its error state shows
// Metabase's words, no frame is made, and nothing is retried. A published one still shows.
import {expect, fixture, html} from '@open-wc/testing';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {testServer} from '../../support/servers.js';
import {nextEvent, recordEvents, shownError, until} from '../element/helpers.js';
import {embedView, tokenInUrl} from './demo-stack.js';

interface CheckedEndpoint {
  origin: string;
  endpoint: string;
  unpublishedDashboard: number;
}

describe('e2e: checkWithMetabase', () => {
  let server: CheckedEndpoint;
  before(async () => {
    server = await testServer<CheckedEndpoint>('checked-endpoint');
  });

  it("an unpublished dashboard: the element shows Metabase's message, makes no frame, and it is not retried", async () => {
    const el = document.createElement('metabase-embed');
    const seen = recordEvents(el, 'metabase-embed-token', 'metabase-embed-error');
    const errors = () => seen.filter((event) => event.type === 'metabase-embed-error').map((event) => event.detail);
    el.setAttribute('dashboard', String(server.unpublishedDashboard));
    el.setAttribute('endpoint', server.endpoint);
    await fixture<MetabaseEmbedElement>(el);
    await until(() => errors().length === 1, 'the error');
    const endpoint = new URL(server.endpoint, location.href).href;
    const message = `The endpoint ${endpoint} answered HTTP 424: Metabase refused this embed: Embedding is not enabled for this object.`;
    expect(errors()[0]).to.deep.equal({reason: 'http', status: 424, willRetry: false, message});
    await el.updateComplete;
    expect(shownError(el)).to.equal(`${message} Retry`);
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    // willRetry false: a 424 is a refusal, which retries.test.ts shows is never asked again.
    expect(seen.map((event) => event.type)).to.deep.equal(['metabase-embed-error']);
  });

  it('a published dashboard shows as without the check', async () => {
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard="1" endpoint=${server.endpoint}></metabase-embed>`,
    );
    const loaded = (await nextEvent(el, 'metabase-embed-load')).detail;
    expect(new URL(loaded.url).origin).to.equal(server.origin);
    const view = await embedView(tokenInUrl(loaded.url));
    expect([view.state, view.pageError, view.title]).to.deep.equal(['ready', null, 'Sales overview']);
  });
});
