// The embed page's DOM-free logic: hash options (emulator/README.md#urls), filter values in the query
// string, locale formatting, chart ticks. Table tests, named after their input.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {appearanceFrom, hashNotes, parseHash} from '../src/page/client/hash-options.js';
import {parametersQuery, readFilterValues, withFilterValue} from '../src/page/client/filter-values.js';
import {createFormatter} from '../src/page/client/format.js';
import {chartMargins, labelsThatFit, niceTicks} from '../src/page/client/chart-geometry.js';

describe('parseHash', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['', {}],
    ['#bordered', {bordered: true}],
    ['#bordered=true&titled=false', {bordered: true, titled: false}],
    ['#refresh=60', {refresh: 60}],
    ['#theme=night&font=Roboto%20Mono', {theme: 'night', font: 'Roboto Mono'}],
    ['#downloads=pdf,results', {downloads: 'pdf,results'}],
    ['#a=1&a=x&a', {a: [1, 'x', true]}],
    // Only Metabase's JSON-like forms are numbers: true|false|-?digits(.digits)?
    ['#n=-2.5&m=1e3&h=0x10&d=.5&s=%205&t=TRUE', {n: -2.5, m: '1e3', h: '0x10', d: '.5', s: ' 5', t: 'TRUE'}],
  ];
  for (const [hash, expected] of cases) test(JSON.stringify(hash), () => assert.deepEqual(parseHash(hash), expected));
});

describe('appearanceFrom', () => {
  const base = appearanceFrom({}, true);
  test('defaults when framed: bordered, titled, light, background, downloads on', () => {
    assert.deepEqual(base, {
      bordered: true,
      titled: true,
      theme: 'light',
      background: true,
      font: null,
      hideParameters: [],
      downloads: {results: true, pdf: true},
      locale: null,
      refresh: null,
      fullscreen: false,
      contentHeight: false,
      colors: {},
    });
  });
  test('not framed: no border by default', () => assert.equal(appearanceFrom({}, false).bordered, false));

  const cases: [string, Partial<typeof base>][] = [
    ['#bordered=false&titled=false', {bordered: false, titled: false}],
    ['#theme=night', {theme: 'night'}],
    ['#theme=transparent', {theme: 'transparent', background: false}],
    ['#background=false', {background: false}],
    ['#theme=purple', {}],
    ['#font=Lato', {font: 'Lato'}],
    ['#font=x%22%3Bcolor:red', {}],
    ['#hide_parameters=category,created_at', {hideParameters: ['category', 'created_at']}],
    ['#downloads=false', {downloads: {results: false, pdf: false}}],
    ['#downloads=pdf', {downloads: {results: false, pdf: true}}],
    ['#downloads=results', {downloads: {results: true, pdf: false}}],
    ['#hide_download_button=true', {}], // ignored, as the newest Metabase does (hashNotes)
    ['#hide_download_button=true&downloads=false', {downloads: {results: false, pdf: false}}],
    ['#fullscreen', {fullscreen: true}],
    ['#fullscreen=false', {}],
    ['#frame_sizing=content-height', {contentHeight: true}],
    ['#frame_sizing=content-height&frame_sizing=fill', {}], // the last of a repeated key counts
    ['#frame_sizing=Content-Height', {}],
    ['#frame-sizing=content-height', {}], // only the underscore spelling
    ['#locale=pt-BR', {locale: 'pt-BR'}],
    ['#locale=%3Cscript%3E', {}],
    ['#refresh=5', {refresh: 5}],
    ['#refresh=0', {}],
    ['#refresh=1.5', {}],
  ];
  for (const [hash, changes] of cases) {
    test(hash, () => assert.deepEqual(appearanceFrom(parseHash(hash), true), {...base, ...changes}));
  }
});

describe('hashNotes', () => {
  test('hide_download_button gets a console note, other options none', () => {
    assert.deepEqual(hashNotes(parseHash('#bordered&downloads=false')), []);
    assert.deepEqual(hashNotes(parseHash('#hide_download_button=true')), [
      'The hide_download_button option has been removed and is ignored: use downloads=false instead.',
    ]);
  });
});

describe('filter values in the query string', () => {
  test('reads the given slugs; repeated keys are lists; blanks are dropped', () => {
    assert.deepEqual(
      readFilterValues('?category=Gadget&category=Widget&created_at=2024-01-01~&tenant=Globex&source=', [
        {slug: 'category'},
        {slug: 'created_at'},
        {slug: 'source'},
      ]),
      {category: ['Gadget', 'Widget'], created_at: '2024-01-01~'},
    );
  });
  test('a slug left out gets its default; a blank one clears it (null)', () => {
    const parameters = [
      {slug: 'category', default: ['Gadget']},
      {slug: 'created_at', default: 'past30days'},
      {slug: 'n', default: 3},
    ];
    assert.deepEqual(readFilterValues('?created_at=', parameters), {category: ['Gadget'], created_at: null, n: '3'});
    assert.deepEqual(readFilterValues('?category=Widget', parameters).category, 'Widget');
  });
  test('clearing a filter with a default keeps an empty value in the URL', () => {
    assert.equal(withFilterValue('?category=Gadget&a=1', 'category', null, true), '?a=1&category=');
    assert.equal(withFilterValue('?category=Gadget&a=1', 'category', null), '?a=1');
  });
  test('writes one slug and keeps the others', () => {
    assert.equal(withFilterValue('?a=1&category=Gadget', 'category', 'Widget'), '?a=1&category=Widget');
    assert.equal(
      withFilterValue('?category=Gadget', 'category', ['Gizmo', 'Widget']),
      '?category=Gizmo&category=Widget',
    );
    assert.equal(withFilterValue('?category=Gadget', 'category', null), '');
    assert.equal(withFilterValue('', 'name', 'Anna Maria'), '?name=Anna+Maria');
  });
  test('the API parameter is JSON by slug', () => {
    assert.equal(decodeURIComponent(parametersQuery({category: ['A', 'B']})), 'parameters={"category":["A","B"]}');
  });
});

describe('createFormatter', () => {
  const money = {number_style: 'currency' as const, currency: 'USD'};
  const float = {name: 'sum', base_type: 'type/Float'};
  const cases: [string | null, unknown, object, object | undefined, string][] = [
    ['en', 1234.5, float, money, '$1,234.50'],
    ['de', 1234.5, float, money, '1.234,50 $'],
    ['en', 4000, {name: 'count', base_type: 'type/BigInteger'}, undefined, '4,000'],
    ['fr', 4000, {name: 'count', base_type: 'type/BigInteger'}, undefined, '4 000'],
    [
      'en',
      '2024-03-01T00:00:00Z',
      {name: 'created_at', base_type: 'type/DateTime', unit: 'month'},
      undefined,
      'Mar 2024',
    ],
    [
      'de',
      '2024-03-01T00:00:00Z',
      {name: 'created_at', base_type: 'type/DateTime', unit: 'month'},
      undefined,
      'März 2024',
    ],
    [
      'en',
      '2024-04-01T00:00:00Z',
      {name: 'created_at', base_type: 'type/DateTime', unit: 'quarter'},
      undefined,
      'Q2 2024',
    ],
    ['en', 'Gadget', {name: 'category', base_type: 'type/Text'}, undefined, 'Gadget'],
    ['en', null, float, money, ''],
    ['not a locale!', 5, {name: 'n', base_type: 'type/Integer'}, undefined, '5'],
  ];
  for (const [locale, value, col, settings, expected] of cases) {
    test(`${locale}: ${JSON.stringify(value)} as ${(col as {base_type: string}).base_type}`, () => {
      // Intl may use narrow no-break spaces; compare with plain spaces.
      const text = createFormatter(locale)
        .format(value, col as never, settings)
        .replace(/[\u00a0\u202f]/g, ' ');
      assert.equal(text, expected);
    });
  }
  test('compact numbers for chart axes', () => {
    assert.equal(createFormatter('en').format(60000, float, money, true), '$60K');
  });
});

describe('niceTicks', () => {
  const cases: [number, number, number[]][] = [
    [0, 28, [0, 10, 20, 30]],
    [0, 42000, [0, 20000, 40000, 60000]],
    [0, 0, [0, 0.5, 1]],
    [-5, 5, [-5, 0, 5]],
    [0, 166338.71, [0, 50000, 100000, 150000, 200000]],
  ];
  for (const [min, max, expected] of cases)
    test(`${min}..${max}`, () => assert.deepEqual(niceTicks(min, max, 4), expected));
});

describe('chartMargins (12 px labels)', () => {
  test('the left margin grows with the widest y label', () => {
    const narrow = chartMargins(['0', '50', '100'], 12);
    const wide = chartMargins(['$0', '$20K', '$1,000,000'], 12);
    assert.ok(wide.left > narrow.left + 40, `${wide.left} vs ${narrow.left}`);
  });
  test('room below for one row of x labels, a little above for the top tick label', () => {
    assert.deepEqual(chartMargins([], 12), {top: 9, right: 12, bottom: 27, left: 10});
  });
});

describe('labelsThatFit', () => {
  const months = ['Jan 2023', 'Feb 2023', 'Mar 2023'];
  const cases: [number, string[], number][] = [
    [60, months, 1],
    [300, months, 3],
    [900, months, 11],
    [400, ['A', 'B'], 15],
  ];
  for (const [width, labels, expected] of cases) {
    test(`${width} px, labels like ${JSON.stringify(labels[0])}`, () =>
      assert.equal(labelsThatFit(width, labels, 12), expected));
  }
});
