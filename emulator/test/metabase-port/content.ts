// The items of Metabase's embed tests (embed_test.clj at 02207ba) as emulator content: each
// `with-temp` Card or Dashboard a ported test creates becomes an item here, named after its
// test. Metabase's native cards and template tags become questions whose parameters name
// the column their dimension targets; a card's `{:aggregation [[:count]]}` on venues is a
// count of the venues table.
import type {
  DashboardDef,
  DashcardDef,
  EmbeddingParams,
  EmulatorContent,
  ParameterDef,
  QuestionDef,
  QuestionParameterDef,
  StaticListValue,
} from '../../src/index.js';
import {metabaseTestTables} from './tables.js';

/** Entity ids (21 characters) for the tests that run by `:entity_id` too. */
export const eid = (name: string) => `${name}_`.padEnd(21, 'x');

const publish = (embedding_params?: EmbeddingParams) => ({
  enable_embedding: true,
  ...(embedding_params ? {embedding_params} : {}),
});

// ---- questions -------------------------------------------------------------------------
export const Q = {
  count: 1, // do-with-temp-card's default: (mt/mbql-query venues {:aggregation [[:count]]})
  countLocked: 2,
  countDisabled: 3,
  countEnabled: 4,
  countUnpublished: 5,
  dateEnabled: 10, // card-with-date-field-filter-default, :date enabled
  dateDisabled: 11,
  dateLocked: 12,
  dateNoDefault: 13, // card-with-date-field-filter
  fourDates: 20, // check-that-only-enabled-params-that-are-not-present-in-the-jwt-come-back
  paramFields: 21, // card-param-fields-only-for-enabled-params-test
  fieldFilter: 30, // card-param-values: field-filter-card
  staticList: 31, // card-param-values: card with a static-list parameter
  lockedConstrains: 32, // card-param-values-respect-locked-parameters-test
  lockedSlugMissing: 33, // card-param-values-locked-slug-must-exist-test
  templateTagsOnly: 34, // card-param-values-native-card-without-parameters-test
  peopleByName: 40, // handle-single-params-for-operator-filters-test
  quantityLocked: 41, // pass-numeric-param-as-number-test
  numbers: 42, // format-export-middleware-test
  venues: 43, // (mt/mbql-query venues): raw rows
  products: 44, // filter-linked-to-locked-filter-test
  remapFieldFilter: 50, // card-param-value-remapping-test: field-filter-card
  remapStatic: 51, // card-param-value-remapping-test: card
  remapPeople: 52, // card-param-value-remapping-test: name-mapped-card
  orders: 53, // dashboard-param-value-remapping-test
} as const;

const venuesCount = {source: 'venues', aggregation: [['count']]} as QuestionDef['query'];
const question = (id: number, name: string, query: QuestionDef['query'], extra: Partial<QuestionDef> = {}) =>
  ({id, entity_id: eid(`Card${id}`), name, display: 'table', query, ...extra}) as QuestionDef;
const param = (id: string, slug: string, type: ParameterDef['type'], column: string, extra = {}) =>
  ({id, slug, name: slug, type, column, ...extra}) as QuestionParameterDef;
const dateParam = (slug = 'date', extra = {}) => param(`_${slug}_`, slug, 'date/single', 'date', extra);
/**
 * The fixtures' two static-list parameters: categories, and categories with labels (the
 * first one spelled `african`, as each test spells it).
 */
function staticLists<P>(
  make: (values: {id: string; slug: string; source: Partial<ParameterDef>}) => P,
  african: string,
): P[] {
  const list = (values: StaticListValue[]): Partial<ParameterDef> => ({
    values_source_type: 'static-list',
    values_source_config: {values},
  });
  return [
    make({id: '_STATIC_CATEGORY_', slug: 'static_category', source: list(['African', 'American', 'Asian'])}),
    make({
      id: '_STATIC_CATEGORY_LABEL_',
      slug: 'static_category_label',
      source: list([
        [african, 'Af'],
        ['American', 'Am'],
        ['Asian', 'As'],
      ]),
    }),
  ];
}
const checkinsCount = {source: 'checkins', aggregation: [['count']]} as QuestionDef['query'];

const questions: QuestionDef[] = [
  question(Q.count, 'Venues count', venuesCount, publish()),
  question(Q.countLocked, 'Venues count, venue_id locked', venuesCount, publish({venue_id: 'locked'})),
  question(Q.countDisabled, 'Venues count, venue_id disabled', venuesCount, publish({venue_id: 'disabled'})),
  question(Q.countEnabled, 'Venues count, venue_id enabled', venuesCount, publish({venue_id: 'enabled'})),
  question(Q.countUnpublished, 'Venues count, not published', venuesCount),
  ...(['enabled', 'disabled', 'locked'] as const).map((status, i) =>
    question(Q.dateEnabled + i, `Check-ins, date ${status}`, checkinsCount, {
      ...publish({date: status}),
      parameters: [dateParam('date', {default: 'Q1-2014'})],
    }),
  ),
  question(Q.dateNoDefault, 'Check-ins by date', checkinsCount, {
    ...publish({date: 'enabled'}),
    parameters: [dateParam()],
  }),
  question(Q.fourDates, 'Four date parameters', checkinsCount, {
    ...publish({a: 'locked', b: 'disabled', c: 'enabled', d: 'enabled'}),
    parameters: ['a', 'b', 'c', 'd'].map((slug) => param(slug, slug, 'date/single', 'date')),
  }),
  question(Q.paramFields, 'Venues, four field filters', venuesCount, {
    ...publish({category: 'enabled', id: 'locked', name: 'disabled'}),
    parameters: [
      param('_CATEGORY_', 'category', 'id', 'category_id'),
      param('_ID_', 'id', 'id', 'id'),
      param('_NAME_', 'name', 'id', 'name'),
      param('_PRICE_', 'price', 'id', 'price'),
    ],
  }),
  question(Q.fieldFilter, 'native card with field filter', venuesCount, {
    ...publish({name: 'enabled'}),
    parameters: [param('_NAME_', 'name', 'string/=', 'name')],
  }),
  question(
    Q.staticList,
    'Venues with a static list',
    {source: 'venues'},
    {
      ...publish({static_category: 'enabled', static_category_label: 'enabled'}),
      parameters: [
        ...staticLists(
          (values) => param(values.id, values.slug, 'category', 'category_name', values.source),
          'African',
        ),
      ],
    },
  ),
  question(
    Q.lockedConstrains,
    'Venues, price locked',
    {source: 'venues'},
    {
      ...publish({price: 'locked', cat: 'enabled', name: 'enabled'}),
      parameters: [
        param('p1', 'price', 'number/=', 'price'),
        param('c1', 'cat', 'number/=', 'category_id'),
        param('n1', 'name', 'string/=', 'name'),
      ],
    },
  ),
  question(
    Q.lockedSlugMissing,
    'Venues, locked slug renamed',
    {source: 'venues'},
    {
      ...publish({price: 'locked', cat: 'enabled'}),
      parameters: [param('p1', 'price_v2', 'number/=', 'price'), param('c1', 'cat', 'number/=', 'category_id')],
    },
  ),
  question(
    Q.templateTagsOnly,
    'Orders by total and state',
    {source: 'orders'},
    {
      ...publish({total: 'locked', state: 'enabled'}),
      parameters: [param('t1', 'total', 'number/=', 'total'), param('s1', 'state', 'string/=', 'state')],
    },
  ),
  question(
    Q.peopleByName,
    'People named',
    {source: 'people', aggregation: [['count']]},
    {...publish({NAME: 'enabled'}), parameters: [param('9ddca4ca', 'NAME', 'string/=', 'name')]},
  ),
  question(
    Q.quantityLocked,
    'Orders of a quantity',
    {source: 'orders', aggregation: [['count']]},
    {...publish({qty_locked: 'locked'}), parameters: [param('0123', 'qty_locked', 'number/=', 'quantity')]},
  ),
  question(Q.numbers, 'A number and a date', {source: 'numbers', fields: ['number', 'date']}, publish()),
  question(Q.venues, 'Venues', {source: 'venues'}, publish()),
  question(Q.products, 'Products', {source: 'products'}, publish()),
  question(Q.remapFieldFilter, 'native card with field filter', venuesCount, {
    ...publish({name: 'enabled', price: 'locked'}),
    parameters: [
      param('name_param_id', 'name', 'string/=', 'name'),
      param('not-enabled-id', 'price', 'number/=', 'price'),
    ],
  }),
  question(
    Q.remapStatic,
    'Venues with static lists',
    {source: 'venues'},
    {
      ...publish({static_category: 'enabled', static_category_label: 'enabled'}),
      parameters: [
        ...staticLists(
          (values) => param(values.id, values.slug, 'category', 'category_name', values.source),
          'Af rican',
        ),
      ],
    },
  ),
  question(
    Q.remapPeople,
    'native card with named field filter',
    {source: 'people', aggregation: [['count']]},
    {...publish({id: 'enabled'}), parameters: [param('id', 'id', 'number/=', 'id')]},
  ),
  question(Q.orders, 'Orders', {source: 'orders'}),
];

// ---- dashboards ------------------------------------------------------------------------
export const D = {
  venueId: 1, // do-with-temp-dashcard's default: _VENUE_ID_ mapped to venues.id
  venueIdLocked: 2,
  venueIdDisabled: 3,
  venueIdEnabled: 4,
  unpublished: 5,
  empty: 6, // successful-dashboard-info
  fourDates: 7, // only-enabled-params-that-are-not-present-in-the-jwt-come-back
  paramFields: 8, // dashboard-param-fields-only-for-enabled-params-test
  categoryLocked: 9, // dashboard-param-fields-template-tag-entries-pruned-test
  categoryEnabled: 10,
  lockedName: 11, // locked-params-removes-values-fields-and-mappings-test
  lockedAndEnabledName: 12, // locked-params-removes-values-fields-when-not-used-in-enabled-params
  dateEnabled: 13, // dashboard-native-query-params-with-default-test
  dateDisabled: 14,
  dateLocked: 15,
  unlisted: 16, // remove-embedding-params
  chainUnpublished: 20, // with-chain-filter-fixtures!, one dashboard per embedding_params
  chainNone: 21,
  chainStatic: 22,
  chainEnabled: 23,
  chainSearchedLocked: 24,
  chainPriceLocked: 25,
  chainSearchedDisabled: 26,
  chainPriceDisabled: 27,
  numbers: 30, // format-export-middleware-test
  linkedToLocked: 31, // filter-linked-to-locked-filter-test
  nameContains: 32, // embedded-string-parameter-case-sensitivity-regression-test
  peopleByName: 33, // handle-single-params-for-operator-filters-test, "Dashcard"
  venues: 34, // downloading-csv-json-xlsx-results-from-the-dashcard-endpoint…
  remapOrders: 35, // dashboard-param-value-remapping-test
  remapSeats: 36, // dashboard-param-value-remapping-static-list-test
} as const;

/** Dashcard ids are the dashboard's id × 100 + 1 (one card per dashboard). */
export const dashcardOf = (dashboardId: number) => dashboardId * 100 + 1;

const dashboard = (
  id: number,
  cardId: number | undefined,
  parameters: ParameterDef[],
  mappings: Record<string, string>,
  extra: Partial<DashboardDef> = {},
): DashboardDef => {
  const dashcards: DashcardDef[] =
    cardId === undefined
      ? []
      : [
          {
            id: dashcardOf(id),
            card_id: cardId,
            ...{col: 0, row: 0, size_x: 12, size_y: 6},
            parameter_mappings: Object.entries(mappings).map(([parameter_id, column]) => ({parameter_id, column})),
          },
        ];
  return {id, entity_id: eid(`Dash${id}`), name: `Dashboard ${id}`, parameters, dashcards, ...extra};
};
const dparam = (id: string, slug: string, type: ParameterDef['type'], extra = {}): ParameterDef => ({
  id,
  slug,
  name: slug,
  type,
  ...extra,
});
const venueId = [dparam('_VENUE_ID_', 'venue_id', 'id')];
const chainParams = [
  dparam('_CATEGORY_NAME_', 'category_name', 'category'),
  dparam('_CATEGORY_ID_', 'category_id', 'category'),
  dparam('_PRICE_', 'price', 'category'),
  dparam('_ID_', 'id', 'category'),
  ...staticLists((values) => dparam(values.id, values.slug, 'category', values.source), 'African'),
];
const chainMappings = {_CATEGORY_NAME_: 'category_name', _CATEGORY_ID_: 'category_id', _PRICE_: 'price', _ID_: 'id'};
const chain = (id: number, embedding?: EmbeddingParams, published = true) =>
  dashboard(id, Q.venues, chainParams, chainMappings, published ? publish(embedding) : {});
const dateDashboard = (id: number, status: 'enabled' | 'disabled' | 'locked') =>
  dashboard(
    id,
    Q.dateNoDefault,
    [dparam('_DATE_ID_', 'date', 'date/single', {default: 'Q1-2014'})],
    {
      _DATE_ID_: 'date',
    },
    publish({date: status}),
  );
const fieldParams = [
  dparam('_CATEGORY_ID_', 'category_id', 'id'),
  dparam('_ID_', 'id', 'id'),
  dparam('_NAME_', 'name', 'string/='),
  dparam('_PRICE_', 'price', 'number/='),
];

const dashboards: DashboardDef[] = [
  dashboard(D.venueId, Q.count, venueId, {_VENUE_ID_: 'id'}, publish()),
  dashboard(D.venueIdLocked, Q.count, venueId, {_VENUE_ID_: 'id'}, publish({venue_id: 'locked'})),
  dashboard(D.venueIdDisabled, Q.count, venueId, {_VENUE_ID_: 'id'}, publish({venue_id: 'disabled'})),
  dashboard(D.venueIdEnabled, Q.count, venueId, {_VENUE_ID_: 'id'}, publish({venue_id: 'enabled'})),
  dashboard(D.unpublished, Q.count, venueId, {_VENUE_ID_: 'id'}),
  dashboard(D.empty, undefined, [], {}, publish()),
  dashboard(
    D.fourDates,
    undefined,
    ['a', 'b', 'c', 'd'].map((slug) => dparam(`_${slug}`, slug, 'date/single')),
    {},
    publish({a: 'locked', b: 'disabled', c: 'enabled', d: 'enabled'}),
  ),
  dashboard(
    D.paramFields,
    Q.count,
    fieldParams,
    {_CATEGORY_ID_: 'category_id', _ID_: 'id', _NAME_: 'name', _PRICE_: 'price'},
    publish({category_id: 'enabled', id: 'locked', name: 'disabled'}),
  ),
  ...(['locked', 'enabled'] as const).map((status, i) =>
    dashboard(
      D.categoryLocked + i,
      Q.count,
      [dparam('_CATEGORY_ID_', 'category_id', 'id')],
      {_CATEGORY_ID_: 'category_id'},
      publish({category_id: status}),
    ),
  ),
  dashboard(
    D.lockedName,
    Q.count,
    [dparam('foo', 'venue_name', 'string/=')],
    {foo: 'name'},
    {
      ...publish({venue_name: 'locked'}),
      name: 'Test Dashboard',
    },
  ),
  dashboard(
    D.lockedAndEnabledName,
    Q.count,
    [dparam('foo', 'venue_name', 'string/='), dparam('bar', 'venue_name_2', 'string/=')],
    {foo: 'name', bar: 'name'},
    {...publish({venue_name: 'locked', venue_name_2: 'enabled'}), name: 'Test Dashboard'},
  ),
  dateDashboard(D.dateEnabled, 'enabled'),
  dateDashboard(D.dateDisabled, 'disabled'),
  dateDashboard(D.dateLocked, 'locked'),
  dashboard(D.unlisted, undefined, [dparam('_FOO_', 'foo', 'string/=')], {}, publish({})),
  chain(D.chainUnpublished, undefined, false),
  chain(D.chainNone),
  chain(D.chainStatic, {static_category: 'enabled', static_category_label: 'enabled'}),
  chain(D.chainEnabled, {category_id: 'enabled', category_name: 'enabled', price: 'enabled'}),
  chain(D.chainSearchedLocked, {category_id: 'locked', category_name: 'locked'}),
  chain(D.chainPriceLocked, {category_id: 'enabled', category_name: 'enabled', price: 'locked'}),
  chain(D.chainSearchedDisabled, {category_id: 'disabled', category_name: 'disabled'}),
  chain(D.chainPriceDisabled, {category_id: 'enabled', category_name: 'enabled', price: 'disabled'}),
  dashboard(D.numbers, Q.numbers, [], {}, publish({name: 'enabled'})),
  dashboard(
    D.linkedToLocked,
    Q.products,
    [dparam('ad5f614b', 'category', 'string/='), dparam('7ef6f58c', 'title', 'string/=')],
    {ad5f614b: 'category', '7ef6f58c': 'title'},
    publish({category: 'locked', title: 'enabled'}),
  ),
  dashboard(
    D.nameContains,
    Q.venues,
    [dparam('_NAME_CONTAINS_', 'name_contains', 'string/contains')],
    {_NAME_CONTAINS_: 'name'},
    publish({name_contains: 'enabled'}),
  ),
  dashboard(
    D.peopleByName,
    Q.peopleByName,
    [dparam('_name_', 'name', 'string/=')],
    {_name_: 'name'},
    publish({
      name: 'enabled',
    }),
  ),
  dashboard(D.venues, Q.venues, venueId, {_VENUE_ID_: 'id'}, publish()),
  dashboard(
    D.remapOrders,
    Q.orders,
    [dparam('price-param', 'price', 'number/='), dparam('user-id-param', 'user-id', 'number/=')],
    {'price-param': 'total', 'user-id-param': 'user_id'},
    publish({price: 'locked', 'user-id': 'enabled'}),
  ),
  dashboard(
    D.remapSeats,
    undefined,
    [
      dparam('seats-param', 'seats', 'number/=', {
        values_source_type: 'static-list',
        values_source_config: {values: [['10', 'Ten'], ['20', 'Twenty'], '30']},
      }),
    ],
    {},
    publish({seats: 'enabled'}),
  ),
];

/** Metabase's test data and these items; `embedding_enabled: false` for the tests that turn embedding off. */
export function portedContent(embeddingEnabled = true): EmulatorContent {
  return {
    embedding_enabled: embeddingEnabled,
    tables: metabaseTestTables(),
    // Metabase remaps these columns through their foreign keys (venues.category_id to
    // categories.name, orders.user_id to people.name) or, for people.id, to the name field.
    remappings: {venues: {category_id: 'category_name'}, orders: {user_id: 'user_name'}, people: {id: 'name'}},
    questions,
    dashboards,
  };
}
