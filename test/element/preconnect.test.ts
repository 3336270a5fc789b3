// The preconnect hint: with `site-url`, Metabase's origin is known before the token answer, so
// the element adds `<link rel="preconnect">` to it while the token is fetched and the
// browser can open the iframe's connection meanwhile. Nothing is added when the site is not
// known, or when no token is fetched (a server-rendered first token), or twice for one origin.
import {expect} from '@open-wc/testing';
import {embedPageOrigin, endpointUrl, mintToken, newSession} from '../support/embed-page.js';
import {embedWith, loadedIframe} from './helpers.js';

const preconnectLinks = (origin: string) =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].filter(
    (link) => link.getAttribute('href') === origin,
  );

afterEach(async () => {
  for (const link of preconnectLinks(await embedPageOrigin())) link.remove();
});

/** What happens in order: `link` when a preconnect to `origin` enters the head, `token` for each token event. */
function recordOrder(el: Element, origin: string): string[] {
  const order: string[] = [];
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLLinkElement && node.rel === 'preconnect' && node.getAttribute('href') === origin)
          order.push('link');
      }
    }
  }).observe(document.head, {childList: true});
  el.addEventListener('metabase-embed-token', () => order.push('token'));
  return order;
}

describe('preconnect hint to Metabase', () => {
  it('with site-url, a preconnect to its origin enters the head while the token is fetched', async () => {
    const origin = await embedPageOrigin();
    const el = document.createElement('metabase-embed');
    const order = recordOrder(el, origin);
    // The endpoint answers after 300 ms: the hint must come before the answer, not with it.
    el.setAttribute('dashboard', '1');
    el.setAttribute('endpoint', endpointUrl({session: newSession(), delayMs: 300}));
    el.setAttribute('site-url', origin);
    document.body.append(el);
    try {
      await loadedIframe(el);
    } finally {
      el.remove();
    }
    expect(order).to.deep.equal(['link', 'token']);
    expect(preconnectLinks(origin)).to.have.length(1);
    expect(preconnectLinks(origin)[0]!.crossOrigin).to.equal(null); // an iframe's connection is not CORS
  });

  it('embeds of one site share one hint', async () => {
    const origin = await embedPageOrigin();
    const embeds = await Promise.all(
      [origin, `${origin}/`, origin].map((siteUrl) =>
        embedWith({attributes: {endpoint: endpointUrl({session: newSession()}), 'site-url': siteUrl}}),
      ),
    );
    await Promise.all(embeds.map(({el}) => loadedIframe(el)));
    expect(preconnectLinks(origin)).to.have.length(1);
  });

  it('a preconnect the page wrote itself is not doubled', async () => {
    const origin = await embedPageOrigin();
    const own = Object.assign(document.createElement('link'), {rel: 'preconnect', href: `${origin}/`});
    document.head.append(own);
    try {
      const {el} = await embedWith({attributes: {endpoint: endpointUrl({session: newSession()}), 'site-url': origin}});
      await loadedIframe(el);
      expect(preconnectLinks(origin)).to.have.length(0);
      expect(document.head.querySelectorAll('link[rel="preconnect"]')).to.have.length(1);
    } finally {
      own.remove();
    }
  });

  it('without site-url nothing is added: the origin is known only from the answer', async () => {
    const before = document.head.querySelectorAll('link').length;
    const {el} = await embedWith({attributes: {endpoint: endpointUrl({session: newSession()})}});
    await loadedIframe(el); // the sentinel: the whole first load has happened
    expect(document.head.querySelectorAll('link').length).to.equal(before);
  });

  it('a server-rendered first token fetches nothing, so it adds no hint', async () => {
    const origin = await embedPageOrigin();
    const token = await mintToken({resource: {dashboard: 1}, params: {tenant: 'Acme'}});
    const {el} = await embedWith({
      attributes: {endpoint: endpointUrl({session: newSession()}), 'site-url': origin, token},
    });
    await loadedIframe(el);
    expect(preconnectLinks(origin)).to.have.length(0);
  });
});
