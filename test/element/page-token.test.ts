// The `token` attribute: a first token the page's server signed. A match is shown with no
// request to the endpoint, which then renews it and answers filter changes; anything else
// is a warning naming the attribute, then the usual request.
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {
  embedPageOrigin,
  endpointUrl,
  mintToken,
  newSession,
  requestLog,
  type MintOptions,
} from '../support/embed-page.js';
import {embedWith, loadedIframe, nextEvent, pageIn, recordEvents, visibleIframe} from './helpers.js';

let warn: sinon.SinonSpy;
beforeEach(() => {
  warn = sinon.spy(console, 'warn');
});
afterEach(() => sinon.restore());

const tokenWarnings = () =>
  warn
    .getCalls()
    .map((call) => String(call.args[0]))
    .filter((text) => text.startsWith('<metabase-embed>: "token"'));

/** A tag as a page's server writes it: dashboard 1, category Gizmo, this token and the embed origin; `extra` null leaves one out. */
async function pageTag(token: string, extra: Record<string, string | null> = {}) {
  const session = newSession();
  const attributes = {
    endpoint: endpointUrl({session}),
    params: '{"category":"Gizmo"}',
    'site-url': await embedPageOrigin(),
    token,
    ...extra,
  };
  const embed = await embedWith({
    attributes: Object.fromEntries(
      Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== null),
    ),
  });
  return {...embed, session};
}

const gizmo: MintOptions = {resource: {dashboard: 1}, params: {category: 'Gizmo', tenant: 'Acme'}};

describe('token attribute: a server-rendered first token', () => {
  it('a matching token is shown with no request to the endpoint, as a `page` token', async () => {
    const token = await mintToken(gizmo);
    const session = newSession();
    const el = document.createElement('metabase-embed');
    const events = recordEvents(el, 'metabase-embed-token');
    for (const [name, value] of Object.entries({
      dashboard: '1',
      endpoint: endpointUrl({session}),
      params: '{"category":"Gizmo"}',
      'site-url': await embedPageOrigin(),
      token,
    }))
      el.setAttribute(name, value);
    document.body.append(el);
    try {
      const iframe = await loadedIframe(el);
      expect(new URL(iframe.src).pathname).to.equal(`/embed/dashboard/${token}`);
      expect((await pageIn(iframe)).tokenParams).to.deep.equal({category: 'Gizmo', tenant: 'Acme'});
      expect(await requestLog(session)).to.have.length(0);
      expect(events.map(({detail}) => (detail as {reason: string}).reason)).to.deep.equal(['page']);
      expect(warn.callCount).to.equal(0);
    } finally {
      el.remove();
    }
  });

  // Each case: the warning it gives, and the endpoint is asked once instead.
  const mismatches: Array<[string, () => Promise<{token: string; extra?: Record<string, string | null>}>, RegExp]> = [
    [
      'for another dashboard',
      async () => ({token: await mintToken({...gizmo, resource: {dashboard: 2}})}),
      /^"token" cannot be shown: The token is for Metabase dashboard 2, but Metabase dashboard 1 was asked for\./,
    ],
    [
      'signed with another category',
      async () => ({token: await mintToken({...gizmo, params: {category: 'Widget', tenant: 'Acme'}})}),
      /^"token" was signed for filter "category" with "Widget", but the element asks for "Gizmo"/,
    ],
    [
      'signed without the category',
      async () => ({token: await mintToken({...gizmo, params: {tenant: 'Acme'}})}),
      /^"token" was signed for filter "category" without it, but the element asks for "Gizmo"/,
    ],
    [
      'expired on the browser clock (a page served from a cache)',
      async () => {
        const iat = Math.floor(Date.now() / 1000) - 700;
        return {token: await mintToken({...gizmo, iat, lifetime: 600})};
      },
      /^"token" has expired \("exp" \d+ has passed on the browser's clock\)/,
    ],
    [
      'malformed',
      () => Promise.resolve({token: 'not-a-jwt'}),
      /^"token" cannot be shown: The answer's token is not a JWT/,
    ],
    [
      'without "site-url"',
      async () => ({token: await mintToken(gizmo), extra: {'site-url': null}}),
      /^"token" needs the "site-url" attribute/,
    ],
  ];
  for (const [name, make, warning] of mismatches) {
    it(`a token ${name}: a warning naming "token", then one request to the endpoint`, async () => {
      const {token, extra} = await make();
      const {el, session} = await pageTag(token, extra);
      const page = await pageIn(await loadedIframe(el));
      expect(page.tokenParams).to.deep.include({category: 'Gizmo'});
      expect(new URL(visibleIframe(el)!.src).pathname).not.to.contain(token);
      expect(await requestLog(session)).to.have.length(1);
      const warnings = tokenWarnings().map((text) => text.slice('<metabase-embed>: '.length));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(warning);
      el.remove();
    });
  }

  it('a filter change after a page token asks the endpoint, with the new value', async () => {
    const {el, session} = await pageTag(await mintToken(gizmo));
    await loadedIframe(el);
    el.setAttribute('params', '{"category":"Widget"}');
    const token = await nextEvent(el, 'metabase-embed-token');
    expect(token.detail.reason).to.equal('params');
    expect((await requestLog(session)).map(({params}) => params)).to.deep.equal([{category: 'Widget'}]);
    el.remove();
  });
});

describe('token attribute: renewal', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
  });

  it("the page token's exp schedules its renewal through the endpoint (at 80 % of 600 s)", async () => {
    const start = Date.now();
    const {el, session} = await pageTag(await mintToken({...gizmo, iat: Math.floor(start / 1000), lifetime: 600}));
    await loadedIframe(el);
    expect(await requestLog(session)).to.have.length(0);
    await clock.tickAsync(479_000);
    expect(await requestLog(session)).to.have.length(0);
    const renewed = nextEvent(el, 'metabase-embed-token');
    await clock.tickAsync(2_000);
    expect((await renewed).detail.reason).to.equal('renew');
    expect((await requestLog(session)).map(({params}) => params)).to.deep.equal([{category: 'Gizmo'}]);
    el.remove();
  });
});
