// The emulator's "Powered by Metabase" banner, as <metabase-embed> sees it: the element's
// iframe grows by the banner's height (iframe-resizer, cross-origin) on open source, and a
// pro embed of the same dashboard is that much shorter.
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  emulatorOrigin,
  frameSnapshot,
  nowSeconds,
  settledFrame,
  salesToken,
  type Plan,
} from '../../support/emulator-browser.js';

describe('<metabase-embed> with the banner', () => {
  const embeds: MetabaseEmbedElement[] = [];
  afterEach(() => embeds.splice(0).forEach((embed) => embed.remove()));

  /** The element showing the sales dashboard from the emulator of `plan`, signed in this page. */
  async function embed(plan: Plan) {
    const origin = await emulatorOrigin(plan);
    const el = document.createElement('metabase-embed');
    el.setAttribute('dashboard', '1');
    el.style.width = '900px';
    // Another exp for each plan, and not salesToken's default (the pages of the tests above):
    // two tokens signed in the same second would be the same text, and the frame is found by
    // its token (a removed page's frame can outlive its iframe for a moment in Firefox).
    const exp = nowSeconds() + (plan === 'pro' ? 702 : 701);
    el.fetchToken = async () => ({url: `${origin}/embed/dashboard/${await salesToken({tenant: 'Acme'}, exp)}`});
    const resized: number[] = [];
    el.addEventListener('metabase-embed-resize', (event) => resized.push(event.detail.height));
    document.body.append(el);
    embeds.push(el);
    await waitUntil(() => el.shadowRoot?.querySelector('iframe')?.src.startsWith(origin), 'no iframe', {
      timeout: 10_000,
    });
    const iframe = el.shadowRoot!.querySelector('iframe')!;
    const target = {embedToken: new URL(iframe.src).pathname.split('/').at(-1)!};
    const view = await settledFrame(target);
    // The iframe follows the page (iframe-resizer, cross-origin) once its height settles.
    let height = 0;
    let seen = '';
    await waitUntil(
      async () => {
        const now = await frameSnapshot(target);
        const taken = iframe.getBoundingClientRect().height;
        const same = taken === now.height && now.height === height;
        height = now.height;
        seen = `${taken} / ${now.height}`;
        return same;
      },
      'the iframe never took the height of its page',
      {timeout: 10_000, interval: 200},
    ).catch((error: Error) => {
      throw new Error(`${error.message} (${plan}: iframe / page ${seen}; resize events ${resized.join(', ')})`);
    });
    return {view, height: iframe.getBoundingClientRect().height};
  }

  it("the iframe is taller by the banner's height than a pro embed of the same dashboard", async () => {
    const [oss, pro] = [await embed('oss'), await embed('pro')];
    expect(oss.view.banner).to.not.equal(null);
    expect(pro.view.banner).to.equal(null);
    expect(pro.height).to.be.above(300); // neither the iframe's 150 px nor the element's 600 px placeholder
    expect(oss.height - pro.height).to.be.closeTo(oss.view.banner!.height, 1);
  });
});
