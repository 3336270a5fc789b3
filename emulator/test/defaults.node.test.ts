// Parameter defaults and clearing them, as in Metabase: a slug left out gets its default;
// a blank URL value (`?category=`), a null, a blank string or `[]` in the token clears it.
// Relative dates (`past30days`) read the emulator's clock.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {sampleContent, type EmulatorContent} from '../src/index.js';
import {TestEmulator, parameters, sign} from '../../support/emulator-node.js';

const QUESTION_ID = 950;
const CLOCK = Date.parse('2024-06-15T12:00:00Z');

function contentWithDefaults(): EmulatorContent {
  const content = sampleContent();
  content.questions.push({
    id: QUESTION_ID,
    name: 'Orders by category',
    display: 'table',
    query: {source: 'orders', aggregation: [['count']], breakout: [{column: 'category'}]},
    parameters: [
      {id: 'p-tenant', slug: 'tenant', name: 'Tenant', type: 'string/=', column: 'tenant'},
      {id: 'p-category', slug: 'category', name: 'Category', type: 'string/=', column: 'category', default: 'Gadget'},
      {id: 'p-created', slug: 'created_at', name: 'Date', type: 'date/range', column: 'created_at'},
    ],
    enable_embedding: true,
    embedding_params: {tenant: 'locked', category: 'enabled', created_at: 'enabled'},
  });
  return content;
}

describe('parameter defaults and clearing', () => {
  let emulator: TestEmulator;
  before(async () => (emulator = await TestEmulator.start(contentWithDefaults(), {now: () => CLOCK})));
  after(() => emulator.close());

  const token = (params: Record<string, unknown>) =>
    sign({resource: {question: QUESTION_ID}, params: {tenant: 'Acme', ...params}, exp: Math.floor(CLOCK / 1000) + 600});

  async function categories(params: Record<string, unknown>, query = ''): Promise<string[]> {
    const {status, body} = await emulator.json<{data: {rows: [string, number][]}}>(
      `/api/embed/card/${token(params)}/query${query}`,
    );
    assert.equal(status, 202, JSON.stringify(body));
    return body.data.rows.map((row) => row[0]);
  }

  test('the question JSON carries the default, for the widget', async () => {
    const {body} = await emulator.json<{parameters: {slug: string; default?: unknown}[]}>(
      `/api/embed/card/${token({})}`,
    );
    assert.deepEqual(
      body.parameters.map((p) => [p.slug, p.default]),
      [
        ['category', 'Gadget'],
        ['created_at', undefined],
      ],
    );
  });

  const all = ['Doohickey', 'Gadget', 'Gizmo', 'Widget'];
  const cases: [string, Record<string, unknown>, string, string[]][] = [
    ['nothing set: the default applies', {}, '', ['Gadget']],
    ['a URL value replaces it', {}, '?category=Widget', ['Widget']],
    ['a blank URL value clears it', {}, '?category=', all],
    ['a null in ?parameters= clears it', {}, parameters({category: null}), all],
    ['a null in the token clears it', {category: null}, '', all],
    ['a blank string in the token clears it', {category: ''}, '', all],
    ['[] in the token clears it', {category: []}, '', all],
    ['a token value replaces it', {category: ['Gizmo', 'Widget']}, '', ['Gizmo', 'Widget']],
  ];
  for (const [name, params, query, expected] of cases)
    test(name, async () => assert.deepEqual(await categories(params, query), expected));

  test("relative dates count back from the emulator's clock", async () => {
    const rows = async (date: string) => {
      const {body} = await emulator.json<{data: {rows: [string, number][]}}>(
        `/api/embed/card/${token({})}/query${parameters({category: null, created_at: date})}`,
      );
      return body.data.rows.reduce((sum, row) => sum + row[1], 0);
    };
    const [lastMonth, may, past30, thisYear] = [
      await rows('lastmonth'),
      await rows('2024-05'),
      await rows('past30days'),
      await rows('thisyear'),
    ];
    assert.equal(lastMonth, may);
    assert.ok(lastMonth > 0 && past30 > 0 && thisYear > past30, `${lastMonth} ${past30} ${thisYear}`);
  });
});
