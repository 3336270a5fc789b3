// The plan the emulator behaves as, as a user sees it in a cross-origin embed: open source
// (the default) shows the "Powered by Metabase" banner and ignores the paid-only hash options
// with a console note each; "pro" hides the banner and applies them. The element's iframe
// grows by the banner's height, through iframe-resizer.
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {itExceptIn} from '../../support/engine.js';
import {
  EmbeddedPage,
  consoleEntries,
  contrast,
  emulatorOrigin,
  frameSnapshot,
  nowSeconds,
  recordConsole,
  settledFrame,
  salesToken,
  type Plan,
} from './browser-helpers.js';

const PAID_OPTIONS = '#font=Courier%20New&downloads=false&locale=de';

describe('emulator embed page: open source and paid plans', () => {
  let page: EmbeddedPage | undefined;
  afterEach(() => page?.remove());

  const open = async (plan: Plan, hash = '') =>
    (page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken()}${hash}`, {plan}));

  it('open source: a "Powered by Metabase" link at the foot, opening metabase.com in a new tab', async () => {
    const view = await (await open('oss')).settled();
    expect(view.banner).to.not.equal(null);
    const {text, href, target, rel, height} = view.banner!;
    expect(text).to.equal('Powered by Metabase');
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).to.equal('https://www.metabase.com/powered-by-metabase');
    expect(url.searchParams.get('utm_campaign')).to.equal('powered_by_metabase');
    expect(target).to.equal('_blank');
    expect(rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
    expect(height).to.be.within(20, 48); // small
  });

  for (const theme of ['light', 'night', 'transparent'])
    it(`open source, #theme=${theme}: the banner is readable (contrast ≥ 4.5)`, async () => {
      const view = await (await open('oss', `#theme=${theme}`)).settled();
      expect(contrast(...view.banner!.color), view.banner!.color.join(' on ')).to.be.at.least(4.5);
    });

  it('pro: no banner', async () => {
    const view = await (await open('pro')).settled();
    expect(view.banner).to.equal(null);
    expect(view.title).to.equal('Sales overview');
  });

  it('open source ignores font, downloads and locale; pro applies them', async () => {
    const oss = await (await open('oss', PAID_OPTIONS)).settled();
    expect(oss.fontFamily).to.not.match(/Courier/);
    expect(oss.downloads).to.deep.equal({results: 6, pdf: true});
    expect([oss.lang, oss.words.downloadResults]).to.deep.equal(['en', 'Download results']);
    expect(oss.cards[0]!.text).to.match(/^\$[\d,]+\.\d\d$/);
    page!.remove();
    const pro = await (await open('pro', PAID_OPTIONS)).settled();
    expect(pro.fontFamily).to.match(/^"Courier New"/);
    expect(pro.downloads).to.deep.equal({results: 0, pdf: false});
    expect(pro.lang).to.equal('de');
    expect(pro.cards[0]!.text).to.match(/^[\d.]+,\d\d\s\$$/);
  });

  itExceptIn(
    {webkit: "classic WebDriver has no console command (the notes' text is tested in page-locale.node.test.ts)"},
    "open source: one console note per ignored option, in the embed page's console; pro: none",
    async () => {
      expect(await recordConsole()).to.equal(true);
      const notesFrom = async (origin: string) =>
        (await consoleEntries()).filter(
          (entry) => entry.url.startsWith(origin) && /option is ignored/.test(entry.text),
        );
      await (await open('oss', PAID_OPTIONS)).settled();
      const ossNotes = await notesFrom(await emulatorOrigin('oss'));
      expect(ossNotes.map((entry) => entry.level)).to.deep.equal(['warn', 'warn', 'warn']);
      expect(ossNotes.map((entry) => entry.text.split(' option')[0])).to.deep.equal([
        'The font=Courier New',
        'The downloads=false',
        'The locale=de',
      ]);
      expect(ossNotes[2]!.text).to.contain('needs a paid plan (Pro or Enterprise)');
      page!.remove();
      await (await open('pro', PAID_OPTIONS)).settled();
      expect(await notesFrom(await emulatorOrigin('pro'))).to.deep.equal([]);
    },
  );
});

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
