// End to end: appearance lives in the embed URL's hash, so a theme change reloads the
// iframe with the token it has, and the demo's token endpoint hears nothing.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  cardQuery,
  demoStack,
  nextLoad,
  signIn,
  tokenInUrl,
  tokenRequests,
  visibleIframe,
  type DemoStack,
} from './demo-stack.js';

describe('e2e: theme changes', () => {
  let stack: DemoStack;

  before(async () => {
    stack = await demoStack('theme');
    await signIn(stack, 'ada');
  });

  it('light → night → transparent reloads the embed with the same token and makes no token request', async () => {
    const {dashboard} = stack.content.dashboard.resource as {dashboard: number};
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard} endpoint=${stack.endpoint} theme="light"></metabase-embed>`,
    );
    const token = tokenInUrl(await nextLoad(el));
    const requestsBefore = (await tokenRequests(stack)).length;
    let tokenEvents = 0;
    el.addEventListener('metabase-embed-token', () => tokenEvents++);

    for (const theme of ['night', 'transparent'] as const) {
      el.theme = theme;
      const url = new URL(await nextLoad(el));
      expect(new URLSearchParams(url.hash.slice(1)).get('theme')).to.equal(theme);
      expect(tokenInUrl(url.href)).to.equal(token);
      expect(visibleIframe(el).src).to.equal(url.href);
    }

    expect(tokenEvents).to.equal(0);
    expect(await tokenRequests(stack)).to.have.length(requestsBefore);
    // The token the themed embeds use is still one Metabase (the emulator) accepts.
    expect((await cardQuery(stack, token, 'Orders')).status).to.equal(202);
  });

  it('a filter change, by contrast, is one token request', async () => {
    const {dashboard} = stack.content.dashboard.resource as {dashboard: number};
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard} endpoint=${stack.endpoint}></metabase-embed>`,
    );
    await oneEvent(el, 'metabase-embed-load');
    const requestsBefore = (await tokenRequests(stack)).length;

    el.setAttribute('param-category', 'Gadget');
    await nextLoad(el);

    const requests = await tokenRequests(stack);
    expect(requests.slice(requestsBefore)).to.deep.equal([{kind: 'token', status: 200, user: 'Ada', tenant: 'Acme'}]);
  });
});
