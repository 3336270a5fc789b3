// End to end, in each engine: the token endpoint on another origin than the page
// (test/support/cors-plugin.ts: createEmbedHandler on 127.0.0.1, the page on localhost) and
// `credentials="include"`, so the browser sends a preflight and accepts an answer only with
// the exact page origin and Access-Control-Allow-Credentials. Listed in allowedOrigins, the
// dashboard shows; from an origin it does not list, the request fails at the network level
// and the element's error says CORS is the likely cause and what the endpoint must send.
import {expect, fixture, html} from '@open-wc/testing';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {testServer} from '../../support/servers.js';
import {nextEvent} from '../element/helpers.js';
import {claimsOf, embedView, nextLoad, tokenInUrl} from './demo-stack.js';

interface CorsServers {
  /** The emulator's. */
  origin: string;
  pageOrigin: string;
  listed: string;
  unlisted: string;
}

describe('e2e: an endpoint on another origin, credentials="include"', () => {
  let servers: CorsServers;
  before(async () => {
    servers = await testServer<CorsServers>('cors');
    expect(location.origin).to.equal(servers.pageOrigin);
  });

  const embed = (endpoint: string) =>
    fixture<MetabaseEmbedElement>(
      html`<metabase-embed
        dashboard="1"
        endpoint=${endpoint}
        credentials="include"
        param-category="Gizmo"
        title="Sales"
        style="height: 500px"
      ></metabase-embed>`,
    );

  it('with the page in allowedOrigins: the dashboard shows, signed with the server-locked tenant', async () => {
    expect(new URL(servers.listed).origin).not.to.equal(location.origin);
    const el = await embed(servers.listed);
    const url = await nextLoad(el);
    expect(new URL(url).origin).to.equal(servers.origin);
    const token = tokenInUrl(url);
    expect(claimsOf(token).params).to.deep.equal({category: 'Gizmo', tenant: 'Acme'});
    const view = await embedView(token);
    expect(view.pageError).to.equal(null);
    expect(view.title).to.equal('Sales overview');
    expect(view.cards.length).to.be.greaterThan(1);
  });

  it('from an origin the endpoint does not list: the error names CORS and what to send', async () => {
    const el = await embed(servers.unlisted);
    const {detail} = await nextEvent(el, 'metabase-embed-error');
    expect(detail.reason).to.equal('network');
    expect(detail.willRetry).to.equal(true);
    expect(detail.message).to.match(
      new RegExp(`^Could not reach the endpoint ${escape(servers.unlisted)} \\(.+\\)\\. `),
    );
    expect(detail.message).to.contain(
      `It is on another origin than this page (${location.origin}), so CORS is the likely cause: the endpoint ` +
        `must answer the preflight OPTIONS and the POST with Access-Control-Allow-Origin: ${location.origin} ` +
        `and Access-Control-Allow-Credentials: true (metabase-embed/server: list ${location.origin} in allowedOrigins).`,
    );
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
