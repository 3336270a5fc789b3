// Custom destinations in a truly cross-origin embed (the test page is on localhost, the
// emulator on 127.0.0.1): a click on a card opens its URL in a new tab with the visitor's
// filter values and never a locked one; a click with no destination, or one whose URL is
// not http(s), opens nothing (each checked against a later click that does open a tab).
import {expect, oneEvent} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {SignJWT} from 'jose';
import {testServer} from '../../support/servers.js';
import {DESTINATION_CARDS} from '../../support/destination-cards.js';

const server = testServer<{origin: string; secretKey: string; landing: string}>('destinations');
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function token(params: Record<string, unknown>): Promise<string> {
  const {secretKey} = await server;
  return new SignJWT({resource: {dashboard: 1}, params, exp: nowSeconds() + 600})
    .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
    .sign(new TextEncoder().encode(secretKey));
}

let frames = 0;
async function openEmbed(query: string): Promise<HTMLIFrameElement> {
  const {origin} = await server;
  const iframe = Object.assign(document.createElement('iframe'), {
    id: `destinations-frame-${++frames}`,
    src: `${origin}/embed/dashboard/${await token({tenant: 'Acme'})}${query}`,
  });
  iframe.style.width = '960px';
  iframe.style.height = '400px';
  const loaded = oneEvent(iframe, 'load');
  document.body.append(iframe);
  await loaded;
  return iframe;
}

const card = (dashcardId: number, inner: string) => `[data-card="dashcard-${dashcardId}"] ${inner}`;
const click = (iframe: HTMLIFrameElement, selector: string) =>
  executeServerCommand('destination-click', {iframe: iframe.id, selector});
const tabs = (count: number) =>
  executeServerCommand<{tabs: string[]; landed: string[]}, {count: number}>('destination-tabs', {count});

describe('emulator embed page: custom destinations', () => {
  let iframe: HTMLIFrameElement | undefined;
  afterEach(() => iframe?.remove());

  it('a click on a card opens its URL in a new tab: the editable filter URL-encoded, the locked one empty', async () => {
    iframe = await openEmbed(`?category=${encodeURIComponent('Home & Garden')}`);
    await click(iframe, card(DESTINATION_CARDS.linked, '.mb-scalar'));
    const {landing} = await server;
    const expected = `${landing}/landed?category=Home%20%26%20Garden&tenant=`;
    const opened = await tabs(1);
    expect(opened).to.deep.equal({tabs: [expected], landed: [expected]});
    expect(opened.tabs[0]).not.to.include('Acme'); // the token's locked value never leaves the embed
  });

  it("a click on a table cell fills the template from the clicked row's columns", async () => {
    iframe = await openEmbed('?category=Toys');
    await click(iframe, card(DESTINATION_CARDS.table, 'tbody tr:first-child td:first-child'));
    const {landing} = await server;
    expect((await tabs(1)).tabs).to.deep.equal([`${landing}/product?title=Kite&category=Toys`]);
  });

  it('a card, or a column, without a click behaviour opens nothing (a later click on a linked card opens the only tab)', async () => {
    iframe = await openEmbed('?category=Toys');
    await click(iframe, card(DESTINATION_CARDS.plain, '.mb-scalar'));
    await click(iframe, card(DESTINATION_CARDS.table, 'tbody tr:first-child td:nth-child(2)')); // "category": no behaviour
    await click(iframe, card(DESTINATION_CARDS.linked, '.mb-scalar'));
    const {landing} = await server;
    const opened = await tabs(1); // every tab opened until the linked one: earlier clicks came first
    expect(opened.tabs).to.deep.equal([`${landing}/landed?category=Toys&tenant=`]);
    expect(opened.landed).to.have.length(1);
  });

  for (const scheme of ['javascript', 'data'])
    it(`a template that fills as a ${scheme}: URL opens nothing (a later click on a linked card opens the only tab)`, async () => {
      iframe = await openEmbed(`?category=${scheme}`);
      await click(iframe, card(DESTINATION_CARDS.unsafe, '.mb-scalar'));
      await click(iframe, card(DESTINATION_CARDS.linked, '.mb-scalar'));
      const {landing} = await server;
      const opened = await tabs(1);
      expect(opened.tabs).to.deep.equal([`${landing}/landed?category=${scheme}&tenant=`]);
    });
});
