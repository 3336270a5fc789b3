// `#locale=` (a paid-plan option, so on the pro emulator): the embed page's own words in
// that language and its numbers, currencies and dates formatted by Intl in that locale, as a
// user sees them in a cross-origin embed. The expected formats come from this browser's own
// Intl, so the test holds whatever its locale data.
import {expect} from '@open-wc/testing';
import {poweredByBanner} from '../src/page/client/banner.js';
import {translator} from '../src/page/client/ui-text.js';
import {EmbeddedPage, salesToken} from '../../support/emulator-browser.js';

const LOCALES = [
  {
    locale: 'de',
    downloadResults: 'Ergebnisse herunterladen',
    downloadPdf: 'Als PDF herunterladen',
    filters: 'Filter',
    all: 'Alle',
  },
  {
    locale: 'fr',
    downloadResults: 'Télécharger les résultats',
    downloadPdf: 'Télécharger en PDF',
    filters: 'Filtres',
    all: 'Tous',
  },
  {
    locale: 'es',
    downloadResults: 'Descargar resultados',
    downloadPdf: 'Descargar como PDF',
    filters: 'Filtros',
    all: 'Todos',
  },
  {
    locale: 'pt-BR',
    downloadResults: 'Baixar resultados',
    downloadPdf: 'Baixar como PDF',
    filters: 'Filtros',
    all: 'Todos',
  },
];

const dollars = (locale: string, amount: number) =>
  new Intl.NumberFormat(locale, {style: 'currency', currency: 'USD', maximumFractionDigits: 2}).format(amount);
const january2023 = (locale: string) =>
  new Intl.DateTimeFormat(locale, {year: 'numeric', month: 'short', timeZone: 'UTC'}).format(Date.UTC(2023, 0, 1));

describe('emulator embed page: translations and formats (#locale=, pro)', () => {
  let page: EmbeddedPage | undefined;
  afterEach(() => page?.remove());

  const open = async (hash: string) => {
    page?.remove();
    return (page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken()}${hash}`, {plan: 'pro'}));
  };

  /** The revenue card in English, read back as a number: what every locale must show in its own way. */
  let revenue: number;
  before(async () => {
    const english = await (await open('')).settled();
    expect(english.cards[0]!.text).to.match(/^\$[\d,]+\.\d\d$/);
    revenue = Number(english.cards[0]!.text.replace(/[$,]/g, ''));
    page!.remove();
  });

  it('no locale: English words, "$1,234.50"-style money and "Jan 2023" months', async () => {
    const view = await (await open('')).settled();
    expect(view.lang).to.equal('en');
    expect(view.words).to.deep.equal({
      downloadResults: 'Download results',
      downloadPdf: 'Download as PDF',
      filters: 'Filters',
      all: 'All',
    });
    expect(view.cards[0]!.text).to.equal(dollars('en', revenue));
    expect(view.cards[4]!.axisLabels).to.include('Jan 2023');
  });

  for (const {locale, ...words} of LOCALES) {
    it(`#locale=${locale}: the page's words, money and months in ${locale}`, async () => {
      const view = await (await open(`#locale=${locale}`)).settled();
      expect(view.lang).to.equal(locale);
      expect(view.words).to.deep.equal(words);
      expect(dollars(locale, revenue)).to.not.equal(dollars('en', revenue)); // a visible difference
      expect(view.cards[0]!.text).to.equal(dollars(locale, revenue));
      expect(view.cards[4]!.axisLabels).to.include(january2023(locale)).and.not.include('Jan 2023');
    });
  }

  it('#locale=ko (no table): English words, Korean formats; #locale=xx (unknown): English throughout', async () => {
    const korean = await (await open('#locale=ko')).settled();
    expect([korean.lang, korean.words.downloadResults]).to.deep.equal(['en', 'Download results']);
    expect(korean.cards[0]!.text).to.equal(dollars('ko', revenue));
    const unknown = await (await open('#locale=xx')).settled();
    expect([unknown.lang, unknown.words.downloadResults]).to.deep.equal(['en', 'Download results']);
    expect(unknown.cards[0]!.text).to.equal(dollars('en', revenue));
  });

  it('a new #locale re-words and re-formats the page without reloading it', async () => {
    const embedded = await open('#locale=en');
    const before = await embedded.settled();
    embedded.iframe.src = embedded.iframe.src.replace('#locale=en', '#locale=de');
    const view = await embedded.settled((snapshot) => snapshot.lang === 'de');
    expect(view.words.downloadResults).to.equal('Ergebnisse herunterladen');
    expect(view.cards[0]!.text).to.equal(dollars('de', revenue));
    expect(view.timeOrigin, 'the same document').to.equal(before.timeOrigin);
  });
});

describe('the banner in each language', () => {
  // Open source shows it and ignores #locale (so its page stays English); the words are the page's own.
  for (const [locale, expected] of [
    ['en', 'Powered by Metabase'],
    ['de', 'Bereitgestellt von Metabase'],
    ['fr', 'Propulsé par Metabase'],
    ['es', 'Con la tecnología de Metabase'],
    ['pt-BR', 'Com tecnologia Metabase'],
  ] as const) {
    it(`${locale}: "${expected}", the brand set apart`, () => {
      const banner = poweredByBanner(translator(locale), 'https://shop.example.com/');
      expect(banner.textContent).to.equal(expected);
      expect(banner.querySelector('.mb-brand')!.textContent).to.equal('Metabase');
    });
  }
});
