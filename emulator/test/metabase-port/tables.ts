// Tables shaped after Metabase's `test-data` dataset, which its embed tests query
// (test/metabase/embedding_rest/api/embed_test.clj at 02207ba). Every row a ported test
// names is here with Metabase's id, name, category and price; the other rows are filler with
// the properties those tests rely on: 100 venues, prices 1 to 4 where only Japanese (40) and
// Steakhouse (67) venues cost 4, no venue in category 1 (African), only venues 1 and 10 with
// "red" in their names; 1,000 check-ins, 107 of them in Q1 2014 and 138 in Q2 2014;
// 200 products, 54 of them widgets, 199 distinct titles; 3,443 orders of one item; people
// 42 (Reyes Strosin) and 437 (Danial Keeling), the latter only in orders totalling 15.69
// and 32.14.
// Metabase joins venues to categories; the emulator's tables are flat, so each venue carries
// its category's name.
import type {Row, Tables} from '../../src/index.js';

const CATEGORIES: Record<number, string> = {
  1: 'African',
  2: 'American',
  3: 'Artisan',
  4: 'Asian',
  5: 'BBQ',
  6: 'Bakery',
  7: 'Bar',
  11: 'Burger',
  12: 'Café',
  20: 'Diner',
  24: 'Fast Food',
  25: 'Food Truck',
  40: 'Japanese',
  44: 'Korean',
  50: 'Mexican',
  58: 'Pizza',
  64: 'Seafood',
  67: 'Steakhouse',
  71: 'Thai',
};

/** [id, name, category id, price] of the venues Metabase's tests name. */
const NAMED_VENUES: [number, string, number, number][] = [
  [1, 'Red Medicine', 4, 3],
  [6, "bigmista's barbecue", 5, 2],
  [8, '25°', 11, 2],
  [10, 'Fred 62', 20, 2],
  [16, 'Pacific Dining Car - Santa Monica', 67, 4],
  [29, '20th Century Cafe', 12, 2],
  [34, 'BCD Tofu House', 44, 2],
  [43, 'The Virgil', 7, 2],
  [51, '800 Degrees Neapolitan Pizzeria', 58, 2],
  [55, 'Dal Rae Restaurant', 67, 4],
  [57, "Barney's Beanery", 7, 2],
  [61, "Lawry's The Prime Rib", 67, 4],
  [77, 'Sushi Nakazawa', 40, 4],
  [79, 'Sushi Yasuda', 40, 4],
  [81, 'Tanoshi Sushi & Sake Bar', 40, 4],
  [90, 'Señor Fish', 50, 2],
  [93, '33 Taps', 7, 2],
];
const FILLER_CATEGORIES = [2, 3, 4, 5, 6, 11, 12, 20, 24, 25, 44, 50, 58, 64, 71];

function venues(): Row[] {
  const named = new Map(NAMED_VENUES.map((venue) => [venue[0], venue]));
  return Array.from({length: 100}, (_, index) => {
    const id = index + 1;
    const [, name, categoryId, price] = named.get(id) ?? [
      id,
      `Venue ${String(id).padStart(3, '0')}`,
      FILLER_CATEGORIES[id % FILLER_CATEGORIES.length]!,
      (id % 3) + 1,
    ];
    return {id, name, category_id: categoryId, category_name: CATEGORIES[categoryId]!, price};
  });
}

/** ISO day `offset` days after `start` (UTC). */
const day = (start: string, offset: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

function checkins(): Row[] {
  const dates = [
    ...Array.from({length: 107}, (_, i) => day('2014-01-01', i % 90)),
    ...Array.from({length: 138}, (_, i) => day('2014-04-01', i % 91)),
    ...Array.from({length: 755}, (_, i) => day(i % 2 ? '2013-01-01' : '2015-01-01', i % 365)),
  ];
  return dates.map((date, index) => ({id: index + 1, date, venue_id: (index % 100) + 1}));
}

function products(): Row[] {
  const others = ['Doohickey', 'Gadget', 'Gizmo'];
  return Array.from({length: 200}, (_, index) => {
    const id = index + 1;
    const category = id <= 54 ? 'Widget' : others[id % 3]!;
    // Two products that are not widgets share a title: 199 distinct titles in all.
    const title = id === 200 ? 'Product 199' : `Product ${id}`;
    return {id, category, title};
  });
}

/** The people Metabase's tests name, by id. */
const NAMED_PEOPLE: Record<number, string> = {1: 'Hudson Borer', 42: 'Reyes Strosin', 437: 'Danial Keeling'};
const STATES = ['AK', 'CA', 'NY', 'TX', 'WA'];
const personName = (id: number) => NAMED_PEOPLE[id] ?? `Person ${id}`;

function people(): Row[] {
  const ids = [...Array.from({length: 50}, (_, index) => index + 1), 437];
  return ids.map((id) => ({id, name: personName(id), state: STATES[id % STATES.length]!}));
}

function orders(): Row[] {
  const order = (index: number, total: number, userId: number, quantity: number): Row => ({
    id: index + 1,
    quantity,
    total,
    state: STATES[index % STATES.length]!,
    // Metabase joins orders.user_id to people; here each order carries its person's name.
    user_id: userId,
    user_name: personName(userId),
  });
  const generated = Array.from({length: 4000}, (_, index) =>
    order(index, 10 + (index % 90), (index % 50) + 1, index < 3443 ? 1 : 2 + (index % 5)),
  );
  // dashboard-param-value-remapping-test: Danial Keeling (437) ordered for 15.69 and 32.14.
  return [...generated, order(4000, 15.69, 437, 2), order(4001, 32.14, 437, 2)];
}

export function metabaseTestTables(): Tables {
  return {
    venues: venues(),
    checkins: checkins(),
    products: products(),
    people: people(),
    orders: orders(),
    // format-export-middleware-test's native query: SELECT 2000 AS number, '2024-03-26'::DATE AS date
    numbers: [{number: 2000, date: '2024-03-26'}],
  };
}
