// Metabase's own tests of the filter values endpoints, `…/params/:param-key/values` and
// `…/search/:prefix`, for questions and dashboards (chain filters), from
// test/metabase/embedding_rest/api/embed_test.clj, ported as tables: each case names the
// test it comes from and runs against a real emulator (see metabase-port/cases.ts).
import assert from 'node:assert/strict';
import {D, eid, Q} from './metabase-port/content.js';
import {cardToken, dashToken, jsonBody, portedCases, type Case} from './metabase-port/cases.js';
import type {Answer} from '../../support/emulator-node.js';

type Values = unknown[][];
const values = (id: number | string, param: string, extra: object = {}) =>
  `/api/embed/card/${cardToken(id, extra)}/params/${param}/values`;
const search = (id: number | string, param: string, prefix: string, extra: object = {}) =>
  `/api/embed/card/${cardToken(id, extra)}/params/${param}/search/${encodeURIComponent(prefix)}`;
/** Metabase's `values-url` and `search-url` of `with-chain-filter-fixtures!`. */
const chainValues = (id: number, params?: object, param = '_CATEGORY_ID_') =>
  `/api/embed/dashboard/${dashToken(id, params ? {params} : {})}/params/${param}/values`;
const chainSearch = (id: number, params?: object, param = '_CATEGORY_NAME_', query = 'food') =>
  `/api/embed/dashboard/${dashToken(id, params ? {params} : {})}/params/${param}/search/${query}`;

const answerIs = (expected: {values: Values; has_more_values: boolean}) => (answer: Answer) =>
  assert.deepEqual(jsonBody(answer), expected);
const firstValues = (n: number, expected: Values) => (answer: Answer) => {
  const body = jsonBody(answer);
  assert.deepEqual(
    {values: body.values.slice(0, n), has_more_values: body.has_more_values},
    {values: expected, has_more_values: false},
  );
};
const includes =
  (wanted: Values, unwanted: string[] = []) =>
  (answer: Answer) => {
    const body = jsonBody(answer);
    const found = new Set(body.values.map((value: unknown[]) => JSON.stringify(value)));
    for (const value of wanted) assert.ok(found.has(JSON.stringify(value)), `${JSON.stringify(value)} is listed`);
    for (const value of unwanted) assert.ok(!body.values.flat().includes(value), `${value} is not listed`);
  };
const ids = (id: number) =>
  [
    ['', id],
    [' entity-id', eid(`Card${id}`)],
  ] as const;

const cardValues: Case[] = [
  ...ids(Q.fieldFilter).flatMap(([suffix, id]): Case[] => [
    {
      from: `card-param-values › field filter based param${suffix}`,
      variant: 'values',
      path: () => values(id, '_NAME_'),
      status: 200,
      check: (answer) => {
        assert.equal(jsonBody(answer).has_more_values, false);
        includes([['20th Century Cafe'], ['33 Taps']])(answer);
      },
    },
    {
      from: `card-param-values › field filter based param${suffix}`,
      variant: 'search bar',
      path: () => search(id, '_NAME_', 'bar'),
      status: 200,
      check: includes([["Barney's Beanery"], ["bigmista's barbecue"]], ['The Virgil']),
    },
  ]),
  ...ids(Q.staticList).flatMap(([suffix, id]): Case[] => [
    {
      from: `card-param-values › static based param${suffix}`,
      variant: 'values',
      path: () => values(id, '_STATIC_CATEGORY_'),
      status: 200,
      check: answerIs({has_more_values: false, values: [['African'], ['American'], ['Asian']]}),
    },
    {
      from: `card-param-values › static based param${suffix}`,
      variant: 'search af',
      path: () => search(id, '_STATIC_CATEGORY_', 'af'),
      status: 200,
      check: answerIs({has_more_values: false, values: [['African']]}),
    },
  ]),
  {
    from: "card-param-values-respect-locked-parameters-test › a locked parameter constrains the values offered for the card's enabled parameters › the locked parameter is not itself queryable",
    path: () => values(Q.lockedConstrains, 'p1', {params: {price: 4}}),
    status: 400,
    text: 'Cannot search for values: "price" is not an enabled parameter.',
  },
  {
    from: "card-param-values-respect-locked-parameters-test › a locked parameter constrains the values offered for the card's enabled parameters › values for an enabled parameter are limited to the rows the locked value allows",
    path: () => values(Q.lockedConstrains, 'c1', {params: {price: 4}}),
    status: 200,
    check: (answer) =>
      assert.deepEqual(jsonBody(answer).values, [
        [40, 'Japanese'],
        [67, 'Steakhouse'],
      ]),
  },
  {
    from: "card-param-values-respect-locked-parameters-test › a locked parameter constrains the values offered for the card's enabled parameters › search is limited the same way",
    path: () => search(Q.lockedConstrains, 'n1', 'red', {params: {price: 4}}),
    status: 200,
    check: (answer) => assert.deepEqual(jsonBody(answer).values, []),
  },
  {
    from: 'card-param-values-locked-slug-must-exist-test › a locked entry in embedding_params whose slug names no parameter is refused rather than dropped › values',
    path: () => values(Q.lockedSlugMissing, 'c1', {params: {price: 4}}),
    status: 400,
    text: 'The parameter price does not exist on this card.',
  },
  {
    from: 'card-param-values-native-card-without-parameters-test › a native card described only by its template tags, with an empty locked value, still serves values',
    path: () => values(Q.templateTagsOnly, 's1', {params: {total: []}}),
    status: 200,
    check: (answer) => assert.ok(jsonBody(answer).values.length > 0),
  },
];

const BOTH = [
  'GET /api/embed/dashboard/:token/params/:param-key/values',
  'GET /api/embed/dashboard/:token/params/:param-key/search/:query',
];
const bothUrls = (
  from: string,
  urls: [() => string, () => string],
  status: number,
  expected: string | RegExp | [(answer: Answer) => void, (answer: Answer) => void],
): Case[] =>
  urls.map((path, i) => ({
    from,
    variant: BOTH[i]!,
    path,
    status,
    ...(Array.isArray(expected) ? {check: expected[i]!} : {text: expected}),
  }));
const noValues = answerIs({values: [], has_more_values: false});
const priceFour = answerIs({
  values: [
    [40, 'Japanese'],
    [67, 'Steakhouse'],
  ],
  has_more_values: false,
});
const NOT_ENABLED = /^Cannot search for values: "category_(?:(?:name)|(?:id))" is not an enabled parameter\.$/;

const chainFilters: Case[] = [
  ...bothUrls(
    'chain-filter-embedding-disabled-test › without embedding enabled for dashboard',
    [() => chainValues(D.chainUnpublished), () => chainSearch(D.chainUnpublished)],
    400,
    'Embedding is not enabled for this object.',
  ),
  ...bothUrls(
    'chain-filter-random-params-test › Requests should fail if parameter is not explicitly enabled',
    [() => chainValues(D.chainNone), () => chainSearch(D.chainNone)],
    400,
    NOT_ENABLED,
  ),
  ...bothUrls(
    "params-with-static-list-test › embedding with parameter that has source is a static list › Should work if the param we're fetching values for is enabled",
    [
      () => chainValues(D.chainStatic, {}, '_STATIC_CATEGORY_'),
      () => chainSearch(D.chainStatic, {}, '_STATIC_CATEGORY_LABEL_', 'AF'),
    ],
    200,
    [
      answerIs({values: [['African'], ['American'], ['Asian']], has_more_values: false}),
      answerIs({values: [['African', 'Af']], has_more_values: false}),
    ],
  ),
  ...bothUrls(
    "chain-filter-enabled-params-test › Should work if the param we're fetching values for is enabled",
    [() => chainValues(D.chainEnabled), () => chainSearch(D.chainEnabled)],
    200,
    [
      firstValues(5, [
        [2, 'American'],
        [3, 'Artisan'],
        [4, 'Asian'],
        [5, 'BBQ'],
        [6, 'Bakery'],
      ]),
      firstValues(3, [['Fast Food'], ['Food Truck'], ['Seafood']]),
    ],
  ),
  ...bothUrls(
    "chain-filter-enabled-params-test › If an ENABLED constraint param is present in the JWT, that's ok",
    [() => chainValues(D.chainEnabled, {price: 4}), () => chainSearch(D.chainEnabled, {price: 4})],
    200,
    [priceFour, noValues],
  ),
  ...bothUrls(
    "chain-filter-enabled-params-test › If an ENABLED param is present in query params but *not* the JWT, that's ok",
    [() => `${chainValues(D.chainEnabled)}?_PRICE_=4`, () => `${chainSearch(D.chainEnabled)}?_PRICE_=4`],
    200,
    [priceFour, noValues],
  ),
  ...bothUrls(
    'chain-filter-enabled-params-test › If ENABLED param is present in both JWT and the URL, the request should fail',
    [
      () => `${chainValues(D.chainEnabled, {price: 4})}?_PRICE_=4`,
      () => `${chainSearch(D.chainEnabled, {price: 4})}?_PRICE_=4`,
    ],
    400,
    "You can't specify a value for price if it's already set in the JWT.",
  ),
  ...bothUrls(
    'chain-filter-locked-params-test › Requests should fail if searched param is locked',
    [() => chainValues(D.chainSearchedLocked), () => chainSearch(D.chainSearchedLocked)],
    400,
    NOT_ENABLED,
  ),
  ...bothUrls(
    'chain-filter-locked-params-test › Search param enabled › Requests should fail if the token is missing a locked parameter',
    [() => chainValues(D.chainPriceLocked), () => chainSearch(D.chainPriceLocked)],
    400,
    'You must specify a value for :price in the JWT.',
  ),
  ...bothUrls(
    'chain-filter-locked-params-test › Search param enabled › if `:locked` param is supplied, request should succeed',
    [() => chainValues(D.chainPriceLocked, {price: 4}), () => chainSearch(D.chainPriceLocked, {price: 4})],
    200,
    [priceFour, noValues],
  ),
  ...bothUrls(
    'chain-filter-locked-params-test › Search param enabled › if `:locked` parameter is present in URL params, request should fail',
    [
      () => `${chainValues(D.chainPriceLocked, {price: 4})}?_PRICE_=4`,
      () => `${chainSearch(D.chainPriceLocked, {price: 4})}?_PRICE_=4`,
    ],
    400,
    'You can only specify a value for price in the JWT.',
  ),
  ...bothUrls(
    'chain-filter-disabled-params-test › Requests should fail if searched param is disabled',
    [() => chainValues(D.chainSearchedDisabled), () => chainSearch(D.chainSearchedDisabled)],
    400,
    NOT_ENABLED,
  ),
  ...bothUrls(
    'chain-filter-disabled-params-test › Search param enabled › Requests should fail if the token has a disabled parameter',
    [() => chainValues(D.chainPriceDisabled, {price: 4}), () => chainSearch(D.chainPriceDisabled, {price: 4})],
    400,
    "You're not allowed to specify a value for price.",
  ),
  ...bothUrls(
    'chain-filter-disabled-params-test › Search param enabled › Requests should fail if the URL has a disabled parameter',
    [() => `${chainValues(D.chainPriceDisabled)}?_PRICE_=4`, () => `${chainSearch(D.chainPriceDisabled)}?_PRICE_=4`],
    400,
    "You're not allowed to specify a value for price.",
  ),
  ...[
    ['Locked filter is not set in the token, so requests should fail.', {}],
    ['Locked filter is set to `nil` in the token, so requests should fail.', {category: null}],
  ].map(([testing, params]): Case => ({
    from: `filter-linked-to-locked-filter-test › Filter linked to locked filter works in various common configurations. › ${testing as string}`,
    variant: 'values',
    path: () => chainValues(D.linkedToLocked, params as object, '7ef6f58c'),
    status: 400,
    text: 'You must specify a value for :category in the JWT.',
  })),
  ...[
    ['Locked filter is set to a list of values in the token.', ['Widget'], 54],
    ['Locked filter is set to an empty list in the token.', [], 199],
  ].map(([testing, category, count]): Case => ({
    from: `filter-linked-to-locked-filter-test › Filter linked to locked filter works in various common configurations. › ${testing as string} › the correct amount of filter values are returned`,
    path: () => chainValues(D.linkedToLocked, {category}, '7ef6f58c'),
    status: 200,
    check: (answer) => assert.equal(jsonBody(answer).values.length, count),
  })),
];

const remap = (kind: 'card' | 'dashboard', id: number, param: string, value: string, params: object = {}) =>
  `/api/embed/${kind}/${kind === 'card' ? cardToken(id, {params}) : dashToken(id, {params})}/params/${param}/remapping?value=${encodeURIComponent(value)}`;
const remapsTo = (expected: unknown[]) => (answer: Answer) => assert.deepEqual(jsonBody(answer), expected);
const LOCKED =
  "card-param-values-respect-locked-parameters-test › a locked parameter constrains the values offered for the card's enabled parameters";
const DASH_REMAP = 'dashboard-param-value-remapping-test';
const STATIC_REMAP =
  'dashboard-param-value-remapping-static-list-test › remapping endpoint returns [value label] for a numeric param backed by a static list';

const remappings: Case[] = [
  {
    from: `${LOCKED} › a value outside those rows has no remapping`,
    path: () => remap('card', Q.lockedConstrains, 'c1', '2', {price: 4}),
    status: 200,
    check: remapsTo(['2']),
  },
  {
    from: `${LOCKED} › a value within them still remaps`,
    path: () => remap('card', Q.lockedConstrains, 'c1', '40', {price: 4}),
    status: 200,
    check: remapsTo([40, 'Japanese']),
  },
  {
    from: 'card-param-values-locked-slug-must-exist-test › a locked entry in embedding_params whose slug names no parameter is refused rather than dropped › remapping',
    path: () => remap('card', Q.lockedSlugMissing, 'c1', '2', {price: 4}),
    status: 400,
    text: 'The parameter price does not exist on this card.',
  },
  ...[
    ['Locked filter is not set in the token, so requests should fail.', {}],
    ['Locked filter is set to `nil` in the token, so requests should fail.', {price: null}],
  ].flatMap(([testing, params]): Case[] => [
    {
      from: `${DASH_REMAP} › ${testing as string}`,
      variant: 'the locked parameter',
      path: () => remap('dashboard', D.remapOrders, 'price-param', '15.69', params as object),
      status: 400,
      text: 'Cannot get remapped value for parameter: "price" is not an enabled parameter.',
    },
    {
      from: `${DASH_REMAP} › ${testing as string}`,
      variant: 'an enabled parameter',
      path: () => remap('dashboard', D.remapOrders, 'user-id-param', '437', params as object),
      status: 400,
      text: 'You must specify a value for :price in the JWT.',
    },
  ]),
  ...(
    [
      [
        'Locked filter is set to a list of values in the token, value can be found.',
        ['15.69', '32.14'],
        [437, 'Danial Keeling'],
      ],
      ['Locked filter is set to a single value in the token, value filtered out.', '15.69', ['42']],
      ['Locked filter is set to an empty list in the token, value can be found.', [], [42, 'Reyes Strosin']],
    ] as const
  ).map(([testing, price, expected]): Case => ({
    from: `${DASH_REMAP} › ${testing}`,
    path: () => remap('dashboard', D.remapOrders, 'user-id-param', String(expected[0]), {price}),
    status: 200,
    check: remapsTo([...expected]),
  })),
  ...(
    [
      ['labeled value is returned', '20', ['20', 'Twenty']],
      ['unlabeled value is returned as a singleton', '30', ['30']],
      ['value not in the list falls back to [value]', '999', ['999']],
    ] as const
  ).map(([testing, value, expected]): Case => ({
    from: `${STATIC_REMAP} › ${testing}`,
    path: () => remap('dashboard', D.remapSeats, 'seats-param', value),
    status: 200,
    check: remapsTo([...expected]),
  })),
  ...(
    [
      [Q.remapFieldFilter, 'name_param_id', '20th Century Cafe', ['20th Century Cafe']],
      [Q.remapFieldFilter, 'name_param_id', 'Not a value in the DB', ['Not a value in the DB']],
      [Q.remapStatic, '_STATIC_CATEGORY_', 'African', ['African']],
      [Q.remapStatic, '_STATIC_CATEGORY_', 'Whatever', ['Whatever']],
      [Q.remapStatic, '_STATIC_CATEGORY_LABEL_', 'European', ['European']],
      [Q.remapStatic, '_STATIC_CATEGORY_LABEL_', 'Af rican', ['Af rican', 'Af']],
      [Q.remapPeople, 'id', '42', [42, 'Reyes Strosin']],
    ] as const
  ).map(([id, param, value, expected]): Case => ({
    from: 'card-param-value-remapping-test',
    variant: `${param} ${value}`,
    path: () => remap('card', id, param, value),
    status: 200,
    check: remapsTo([...expected]),
  })),
  {
    from: 'card-param-value-remapping-test',
    variant: 'a locked parameter',
    path: () => remap('card', Q.remapFieldFilter, 'not-enabled-id', '3'),
    status: 400,
    text: 'Cannot get remapped value for parameter: "price" is not an enabled parameter.',
  },
];

// Not a case of Metabase's own (its card-based parameter lists these names, which the
// emulator cannot source from a card): the same order from the field, text by code point.
const order: Case[] = [
  {
    from: 'card-param-values › card based param',
    variant: "Metabase's order of the first five names, read from the field",
    path: () => values(Q.fieldFilter, '_NAME_'),
    status: 200,
    check: firstValues(5, [
      ['20th Century Cafe'],
      ['25°'],
      ['33 Taps'],
      ['800 Degrees Neapolitan Pizzeria'],
      ['BCD Tofu House'],
    ]),
  },
];

portedCases("Metabase's embed tests: a question's filter values", cardValues);
portedCases('The order of filter values', order);
portedCases("Metabase's embed tests: a value's label (remapping)", remappings);
portedCases("Metabase's embed tests: chain filters (a dashboard's filter values)", chainFilters);
