// The embed page's words per locale (src/page/client/ui-text.ts), the locale its numbers and dates are
// formatted in (format.ts), what the plan does to the paid-only hash options and the console
// notes it writes (plan-options.ts), and the banner's link (banner.ts). Pure functions.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {MESSAGES, messagesLocale, translator} from '../src/page/client/ui-text.js';
import {createFormatter, formatLocale} from '../src/page/client/format.js';
import {appearanceFrom, parseHash} from '../src/page/client/hash-options.js';
import {appearanceOnPlan, planNotes} from '../src/page/client/plan-options.js';
import {poweredByHref} from '../src/page/client/banner.js';

describe('messages', () => {
  const keys = Object.keys(MESSAGES.en!).sort();
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  for (const [locale, messages] of Object.entries(MESSAGES)) {
    test(`${locale}: every English key, with the same placeholders, and words of its own`, () => {
      assert.deepEqual(Object.keys(messages).sort(), keys);
      for (const key of keys as (keyof typeof messages)[]) {
        assert.ok(messages[key].trim(), `${locale}.${key} is empty`);
        assert.deepEqual(placeholders(messages[key]), placeholders(MESSAGES.en![key]), `${locale}.${key}`);
      }
      if (locale !== 'en') assert.notEqual(messages.downloadResults, MESSAGES.en!.downloadResults);
    });
  }

  const cases: [string | null, string][] = [
    ['de', 'de'],
    ['fr', 'fr'],
    ['es', 'es'],
    ['pt-BR', 'pt'],
    ['pt_BR', 'pt'],
    ['PT-br', 'pt'],
    ['de-CH', 'de'],
    ['pt', 'pt'],
    ['en-GB', 'en'],
    ['ko', 'en'],
    ['xx-YY', 'en'],
    ['', 'en'],
    [null, 'en'],
  ];
  for (const [locale, table] of cases) {
    test(`${JSON.stringify(locale)} reads the ${table} table`, () => assert.equal(messagesLocale(locale), table));
  }

  test('placeholders are filled; the words follow the locale', () => {
    assert.equal(translator('de')('queryFailed', {message: 'boom'}), 'Die Abfrage ist fehlgeschlagen: boom');
    assert.equal(translator('pt-BR')('rangeTo', {name: 'Data'}), 'Data: até');
    assert.equal(translator('ko')('noResults'), 'No results');
    assert.equal(translator('fr')('poweredBy'), 'Propulsé par {brand}'); // the banner sets the brand apart
  });
});

describe('formatLocale: Intl formats in the embed locale, else English', () => {
  const cases: [string | null, string][] = [
    ['de', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['fr', 'fr'],
    [null, 'en'],
    ['not a locale!', 'en'],
    ['xx', 'en'],
  ];
  for (const [locale, expected] of cases) {
    test(`${JSON.stringify(locale)} → ${expected}`, () => assert.equal(formatLocale(locale), expected));
  }
  test('an unknown locale formats as English, not as the machine does', () => {
    const money = {number_style: 'currency' as const, currency: 'EUR'};
    const float = {name: 'sum', base_type: 'type/Float'};
    assert.equal(createFormatter('xx').format(1234.5, float, money), '€1,234.50');
    assert.equal(createFormatter('de').format(1234.5, float, money).replace(/\s/g, ' '), '1.234,50 €');
  });
});

describe('plans: open source ignores the paid-only hash options', () => {
  const hash = '#font=Roboto%20Mono&downloads=false&locale=de&theme=night';
  const options = parseHash(hash);
  const paid = appearanceFrom(options, true);

  test('pro applies them', () => {
    assert.deepEqual(appearanceOnPlan(paid, 'pro'), paid);
    assert.deepEqual([paid.font, paid.locale, paid.downloads], ['Roboto Mono', 'de', {results: false, pdf: false}]);
    assert.deepEqual(planNotes(options, 'pro'), []);
  });

  test('oss: downloads always on, no font, no locale; every other option as given', () => {
    assert.deepEqual(appearanceOnPlan(paid, 'oss'), {
      ...paid,
      font: null,
      locale: null,
      downloads: {results: true, pdf: true},
    });
  });

  test('oss: one console note per ignored option, naming it and its value', () => {
    assert.deepEqual(planNotes(options, 'oss'), [
      'The font=Roboto Mono option is ignored: a custom font in static embeds needs a paid plan (Pro or Enterprise).',
      'The downloads=false option is ignored: choosing the downloads of static embeds needs a paid plan (Pro or Enterprise); both stay on.',
      'The locale=de option is ignored: translating static embeds needs a paid plan (Pro or Enterprise); the page stays in English.',
    ]);
    assert.deepEqual(planNotes(parseHash('#theme=night&bordered=false&hide_parameters=a'), 'oss'), []);
    assert.deepEqual(planNotes(parseHash('#locale=fr&locale=de'), 'oss'), [
      'The locale=fr,de option is ignored: translating static embeds needs a paid plan (Pro or Enterprise); the page stays in English.',
    ]);
  });
});

describe('poweredByHref', () => {
  test("metabase.com with Metabase's campaign parameters, naming the embedding host", () => {
    const href = new URL(poweredByHref('https://shop.example.com/reports?token=secret'));
    assert.equal(`${href.origin}${href.pathname}`, 'https://www.metabase.com/powered-by-metabase');
    assert.deepEqual(Object.fromEntries(href.searchParams), {
      utm_medium: 'referral',
      utm_source: 'product',
      utm_campaign: 'powered_by_metabase',
      utm_content: 'embedded_banner_shop.example.com',
    });
    assert.ok(!href.href.includes('secret'), 'only the host name, never its path or query');
  });
  test('no referrer, or not a URL: no host', () => {
    for (const referrer of ['', 'not a url'])
      assert.equal(new URL(poweredByHref(referrer)).searchParams.get('utm_content'), 'embedded_banner_');
  });
});
