// The embed page as a user sees it, for each hash option of emulator/README.md#urls. The page is in a
// cross-origin iframe; the emulator-frame command reads it (text, computed styles).
import {expect} from '@open-wc/testing';
import {EmbeddedPage, salesToken, type Plan} from '../../support/emulator-browser.js';
import {contrast} from './contrast.js';

describe('emulator embed page: appearance (hash options)', () => {
  let page: EmbeddedPage | undefined;
  afterEach(() => page?.remove());

  const open = async (hash: string, search = '', plan: Plan = 'oss') =>
    (page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken()}${search}${hash}`, {plan}));

  it('shows the dashboard: title, editable filters only, every card, downloads, a border when framed', async () => {
    const view = await (await open('')).settled();
    expect(view.title).to.equal('Sales overview');
    expect(view.parameters.map((p) => p.label)).to.deep.equal(['Category', 'Order date']);
    expect(view.cards.map((card) => card.display)).to.deep.equal([
      'scalar',
      'scalar',
      'scalar',
      'bar',
      'line',
      'table',
    ]);
    expect(view.cards[0]!.text).to.match(/^\$[\d,]+\.\d\d$/);
    expect(view.cards[3]!.axisLabels).to.include.members(['Doohickey', 'Gadget', 'Gizmo', 'Widget']);
    expect(view.cards[5]!.rows).to.be.within(40, 48); // Acme's products that have orders
    expect(view.downloads).to.deep.equal({results: 6, pdf: true});
    expect(view.bordered).to.equal(true);
    expect(view.pageError).to.equal(null);
  });

  it('#bordered=false&titled=false: no border and no title', async () => {
    const view = await (await open('#bordered=false&titled=false')).settled();
    expect([view.bordered, view.title]).to.deep.equal([false, null]);
  });

  for (const theme of ['light', 'night', 'transparent']) {
    it(`#theme=${theme}: text, numbers and chart labels are readable (contrast ≥ 4.5)`, async () => {
      const view = await (await open(`#theme=${theme}`)).settled();
      const {body, title, axisLabel, tableCell, scalar} = view.colors;
      const expectedBackground = {light: 'rgb(255, 255, 255)', night: 'rgb(46, 53, 59)', transparent: 'transparent'}[
        theme
      ];
      expect(body[1]).to.equal(expectedBackground);
      for (const [name, pair] of Object.entries({title, axisLabel, tableCell, scalar})) {
        expect(pair, name).to.not.equal(null);
        expect(contrast(...pair!), `${name} ${pair!.join(' on ')}`).to.be.at.least(4.5);
      }
    });
  }

  it('#background=false: a transparent page', async () => {
    const view = await (await open('#background=false')).settled();
    expect(view.colors.body[1]).to.equal('transparent');
  });

  // font, downloads and locale are paid-plan options: open source ignores them (page-plan.test.ts).
  it('#font=…: the page uses that font family (pro)', async () => {
    const view = await (await open('#font=Courier%20New', '', 'pro')).settled();
    expect(view.fontFamily).to.match(/^"Courier New"/);
  });

  // The colour overrides (paid plans: open source ignores them, page-plan.test.ts and hash-colors.node.test.ts).
  const COLOURS =
    '#primary-color=%23C0392B&secondary-color=%238E44AD&background-color=%23FDF6E3&text-primary-color=%23073642' +
    '&text-secondary-color=%23586E75&border-color=%23B58900&dashboard-bg-color=%23EEE8D5&card-bg-color=%23FFFFFF';

  it('#primary-color=…&…: the page shows each colour where Metabase uses it (pro)', async () => {
    const {colors} = await (await open(COLOURS, '', 'pro')).settled();
    expect({
      page: colors.body[1],
      text: colors.title![0],
      labels: colors.parameter,
      card: colors.card,
      bar: colors.bar,
      line: colors.line,
    }).to.deep.equal({
      page: 'rgb(238, 232, 213)', // dashboard-bg-color wins over background-color on a dashboard
      text: 'rgb(7, 54, 66)',
      labels: 'rgb(88, 110, 117)',
      card: ['rgb(181, 137, 0)', 'rgb(255, 255, 255)'],
      bar: 'rgb(192, 57, 43)',
      line: 'rgb(142, 68, 173)',
    });
  });

  it('the same colours on open source: ignored, the page keeps its own', async () => {
    const own = await (await open('')).settled();
    page!.remove();
    const given = await (await open(COLOURS)).settled();
    expect(given.colors).to.deep.equal(own.colors);
    expect(given.colors.bar).to.not.equal('rgb(192, 57, 43)');
  });

  it('#primary_color=…: the underscore spelling too; #background-color=%23000 is transparent (pro)', async () => {
    const view = await (await open('#primary_color=%23C0392B&background-color=%23000', '', 'pro')).settled();
    expect([view.colors.bar, view.colors.body[1]]).to.deep.equal(['rgb(192, 57, 43)', 'transparent']);
  });

  it('#hide_parameters=category: the widget is hidden but its URL value still filters', async () => {
    const view = await (await open('#hide_parameters=category', '?category=Gadget')).settled();
    expect(view.parameters.map((p) => p.slug)).to.deep.equal(['created_at']);
    expect(view.cards[3]!.axisLabels).to.include('Gadget').and.not.include('Widget');
  });

  for (const [hash, downloads] of [
    ['#downloads=false', {results: 0, pdf: false}],
    ['#downloads=pdf', {results: 0, pdf: true}],
    ['#downloads=results', {results: 6, pdf: false}],
    ['#hide_download_button=true', {results: 6, pdf: true}], // ignored, as the newest Metabase does
  ] as const) {
    it(`${hash}: downloads ${JSON.stringify(downloads)} (pro)`, async () => {
      expect((await (await open(hash, '', 'pro')).settled()).downloads).to.deep.equal(downloads);
    });
  }

  it('#locale=de: German number and date formats (pro)', async () => {
    const view = await (await open('#locale=de', '', 'pro')).settled();
    expect(view.lang).to.equal('de');
    expect(view.cards[0]!.text).to.match(/^[\d.]+,\d\d\s\$$/); // e.g. 40.085,64 $
    // Which months get a label depends on the card's width; each of these is German only.
    expect(view.cards[4]!.axisLabels.join(' ')).to.match(/(Jan\.|März|Mai|Juni|Juli|Sept\.|Okt\.|Dez\.) 2023/);
  });

  it('a new hash re-themes the page without reloading it', async () => {
    const embedded = await open('#theme=light');
    const before = await embedded.settled();
    // Not the iframe's load event: WebKit fires one for a fragment-only navigation too.
    embedded.iframe.src = embedded.iframe.src.replace('#theme=light', '#theme=night');
    const view = await embedded.settled((snapshot) => snapshot.colors.body[1] === 'rgb(46, 53, 59)');
    expect(view.cards[5]!.rows).to.be.within(40, 48);
    expect(view.timeOrigin, 'the same document').to.equal(before.timeOrigin);
    const location = await embedded.message(
      (m) => m.type === 'location' && m.location!.hash === '#theme=night',
      'location',
    );
    expect(location.location!.search).to.equal('');
  });
});
