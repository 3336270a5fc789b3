// The plan the emulator behaves as, as a user sees it in a cross-origin embed: open source
// (the default) shows the "Powered by Metabase" banner and ignores the paid-only hash options
// with a console note each; "pro" hides the banner and applies them. How the banner changes
// the element's iframe: test/e2e/banner-height.test.ts.
import {expect} from '@open-wc/testing';
import {itExceptIn} from '../../support/engine.js';
import {
  EmbeddedPage,
  consoleEntries,
  emulatorOrigin,
  recordConsole,
  salesToken,
  type Plan,
} from '../../support/emulator-browser.js';
import {contrast} from './contrast.js';

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
