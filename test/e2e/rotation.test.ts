// End to end: regenerating the secret (Metabase's "Regenerate key") on the demo's emulator.
// From then on the old token is refused, even by the embed already on screen; the token
// endpoint signs with the new key without a restart; the element recovers with exactly one
// new token request; and the demo's own button does all of it.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  cardQuery,
  demoStack,
  embedView,
  nextLoad,
  openDemoPage,
  signIn,
  tokenInUrl,
  tokenRequests,
  type DemoStack,
} from './demo-stack.js';

const CORRUPT = 'Message seems corrupt or manipulated';

describe('e2e: secret rotation', () => {
  let stack: DemoStack;
  let popup: Window | undefined;
  before(async () => {
    stack = await demoStack('rotation');
    await signIn(stack, 'ada');
  });
  afterEach(() => popup?.close());

  const regenerate = async () => {
    const response = await fetch(`${stack.base}/secret`, {method: 'POST', headers: {Accept: 'application/json'}});
    expect(response.status).to.equal(200);
  };

  it('the old token is refused at once; the element recovers with one new token request', async () => {
    const {dashboard} = stack.content.dashboard.resource as {dashboard: number};
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard} endpoint=${stack.endpoint}></metabase-embed>`,
    );
    const oldToken = tokenInUrl(await nextLoad(el));
    expect((await embedView(oldToken)).pageError).to.equal(null);
    expect((await cardQuery(stack, oldToken, 'Orders')).status).to.equal(202);

    await regenerate();
    const refused = await cardQuery(stack, oldToken, 'Orders');
    expect([refused.status, refused.body]).to.deep.equal([400, CORRUPT]);

    const requestsBefore = (await tokenRequests(stack)).length;
    const loaded = nextLoad(el);
    el.reload(); // what the demo's button does for each embed on screen
    const newToken = tokenInUrl(await loaded);
    const view = await embedView(newToken);
    expect([view.state, view.pageError, view.cardErrors]).to.deep.equal(['ready', null, []]);
    expect((await cardQuery(stack, newToken, 'Orders')).status).to.equal(202);
    // The new embed has settled: by now any further request would be in the log.
    const requests = (await tokenRequests(stack)).slice(requestsBefore);
    expect(requests.map((entry) => entry.status)).to.deep.equal([200]);
  });

  it("the demo's button regenerates the key and each embed on the page loads with a new token", async () => {
    popup = await openDemoPage(stack, '');
    const el = popup.document.querySelector<MetabaseEmbedElement>('metabase-embed#dashboard')!;
    await waitUntil(() => el.state === 'ready', 'the demo embed never loaded', {timeout: 20_000});
    const shown = () => tokenInUrl(el.shadowRoot!.querySelector('iframe')!.src);
    const oldToken = shown();
    const requestsBefore = (await tokenRequests(stack)).length;

    popup.document.querySelector<HTMLButtonElement>('form.secret-control button')!.click();
    await waitUntil(
      () =>
        el.state === 'ready' &&
        [...el.shadowRoot!.querySelectorAll('iframe')].every((frame) => tokenInUrl(frame.src) !== oldToken),
      'the embed never showed a new token',
      {timeout: 20_000},
    );
    expect(popup.document.querySelector('[data-secret-status]')!.textContent).to.match(/^New key/);
    expect((await cardQuery(stack, oldToken, 'Orders')).body).to.equal(CORRUPT);
    expect((await cardQuery(stack, shown(), 'Orders')).status).to.equal(202);
    expect((await tokenRequests(stack)).slice(requestsBefore).map((entry) => entry.status)).to.deep.equal([200]);
  });
});
