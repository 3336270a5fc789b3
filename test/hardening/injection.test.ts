// Values made to break out of a URL or of HTML (quotes, #, &, </script>, <img onerror>):
// through the element they reach the token and the query string exactly as given and never
// the URL's structure; in the emulator's page, in filter values and in the titles of its
// dashboard, cards and filters, they show as text. No dialog opens anywhere.
import {expect, html} from '@open-wc/testing';
import {SignJWT} from 'jose';
import {endpointUrl} from '../support/embed-page.js';
import {HOSTILE_TEXT} from '../support/hostile-text.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {loadedIframe, pageIn, renderEmbed} from '../element/helpers.js';
import {dialogCount, eventually, frameReport, hardeningEmulator, tokenOf, watchUnhandled} from './browser-support.js';
import {describeExceptIn, itExceptIn, chromiumOnlyCommands} from '../../support/engine.js';

const BREAKERS = [
  HOSTILE_TEXT,
  'a#b',
  'a&category=Widget',
  'a?b=c',
  '../../../api/user/current',
  '%2F%23%26',
  'x" onload="alert(3)',
  '</script><script>alert(4)</script>',
  'javascript:alert(5)',
  ' spaced ',
  '\u202eevil\u202c',
];

describe('injection through the element', () => {
  itExceptIn(
    chromiumOnlyCommands,
    'hostile filter values reach the token and the query string exactly, and leave the URL intact',
    async () => {
      const unhandled = watchUnhandled();
      const dialogsBefore = await dialogCount();
      const el: MetabaseEmbedElement = await renderEmbed(html`<metabase-embed
      dashboard="1"
      endpoint=${endpointUrl()}
      .params=${{category: BREAKERS}}
      param-state=${HOSTILE_TEXT}
      .initialParams=${{search: BREAKERS}}
      theme="night"
      title=${HOSTILE_TEXT}
    ></metabase-embed>`);
      const iframe = await loadedIframe(el);
      const page = await pageIn(iframe);
      expect(page.tokenParams).to.deep.equal({category: BREAKERS, state: HOSTILE_TEXT});
      expect(page.queryParams).to.deep.equal({search: BREAKERS});
      const url = new URL(iframe.src);
      expect(url.pathname).to.match(/^\/embed\/dashboard\/[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(url.hash).to.equal('#theme=night');
      expect([...url.searchParams.keys()].every((key) => key === 'search')).to.equal(true);
      expect(iframe.getAttribute('title')).to.equal(HOSTILE_TEXT);
      expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
      await eventually(() => true, 'a turn for any injected handler');
      expect(await dialogCount()).to.equal(dialogsBefore);
      expect(unhandled.stop()).to.deep.equal([]);
    },
  );

  it('a hostile resource id is a configuration error naming the attribute; no request, nothing loaded', async () => {
    const el: MetabaseEmbedElement = await renderEmbed(
      html`<metabase-embed dashboard=${'1/../../admin#x'} endpoint=${endpointUrl()}></metabase-embed>`,
    );
    await eventually(() => el.state === 'error', 'the configuration error');
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/dashboard/);
  });
});

describeExceptIn(chromiumOnlyCommands, 'injection into the emulator page', () => {
  let emulator: {origin: string; secretKey: string};
  before(async () => (emulator = await hardeningEmulator({action: 'start', hostile: true})));
  after(() => hardeningEmulator({action: 'stop'}));

  async function signed(params: Record<string, unknown>) {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({resource: {dashboard: 1}, params})
      .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(emulator.secretKey));
    return {url: `${emulator.origin}/embed/dashboard/${token}`};
  }

  it('hostile titles and filter values show as text: no element made from them, no dialog', async () => {
    const unhandled = watchUnhandled();
    const dialogsBefore = await dialogCount();
    const el: MetabaseEmbedElement = await renderEmbed(html`<metabase-embed
      dashboard="1"
      .fetchToken=${() => signed({tenant: HOSTILE_TEXT})}
      .initialParams=${{category: HOSTILE_TEXT}}
    ></metabase-embed>`);
    const iframe = await loadedIframe(el);
    const report = await frameReport(tokenOf(iframe.src));
    expect(report.injected, 'elements made from the text').to.deep.equal([]);
    expect(report.text).to.include(`Sales overview ${HOSTILE_TEXT}`);
    expect(report.cardTitles.length).to.be.above(0);
    for (const title of report.cardTitles) expect(title.endsWith(HOSTILE_TEXT), title).to.equal(true);
    for (const name of report.parameterNames) expect(name.endsWith(HOSTILE_TEXT), name).to.equal(true);
    expect(report.title).to.not.include('<');
    expect(await dialogCount()).to.equal(dialogsBefore);
    expect(unhandled.stop()).to.deep.equal([]);
  });
});
