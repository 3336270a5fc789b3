// emulator/README.md#api: what the embed page reads. Shapes, filters applied by the server, filter
// values (never another tenant's), and downloads.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {SAMPLE} from '../src/index.js';
import {
  TestEmulator,
  dashboardToken,
  dashcardPath,
  nowSeconds,
  parameters,
  questionToken,
  sign,
} from '../../support/emulator-node.js';

describe('the embed API (emulator/README.md#api)', () => {
  let emulator: TestEmulator;
  before(async () => (emulator = await TestEmulator.start()));
  after(() => emulator.close());

  const tableRows = async (values: Record<string, unknown>, token = dashboardToken()) =>
    (await emulator.json(`${dashcardPath(token)}${parameters(values)}`)).body.data.rows as unknown[][];

  test('the dashboard: name, parameters (id, slug, name, type), dashcards with their card and layout, tabs', async () => {
    const {status, body} = await emulator.json(`/api/embed/dashboard/${dashboardToken()}`);
    assert.equal(status, 200);
    assert.equal(body.name, 'Sales overview');
    assert.deepEqual(body.tabs, []);
    assert.deepEqual(body.parameters, [
      {id: 'p-category', slug: 'category', name: 'Category', type: 'string/='},
      {id: 'p-created-at', slug: 'created_at', name: 'Order date', type: 'date/range'},
    ]);
    assert.deepEqual(
      body.dashcards.map((dc: {card: {display: string}}) => dc.card.display),
      ['scalar', 'scalar', 'scalar', 'bar', 'line', 'table'],
    );
    const table = body.dashcards.find((dc: {id: number}) => dc.id === SAMPLE.salesDashboard.tableCard.dashcardId);
    assert.equal(table.card_id, SAMPLE.salesDashboard.tableCard.cardId);
    assert.deepEqual(Object.keys(table).sort(), [
      'card',
      'card_id',
      'col',
      'dashboard_id',
      'dashboard_tab_id',
      'id',
      'parameter_mappings',
      'row',
      'size_x',
      'size_y',
      'visualization_settings',
    ]);
    assert.deepEqual(table.parameter_mappings[0], {
      parameter_id: 'p-category',
      card_id: 106,
      target: ['dimension', ['field', 'category', null]],
    });
  });

  test('tabs (emulator/README.md#tabs): id, dashboard_id, name and position; each dashcard names its tab', async () => {
    const {id, tabs} = SAMPLE.tabbedDashboard;
    const {body} = await emulator.json(`/api/embed/dashboard/${dashboardToken({resource: {dashboard: id}})}`);
    assert.deepEqual(
      body.tabs,
      tabs.map((tab, position) => ({id: tab.id, dashboard_id: id, name: tab.name, position})),
    );
    assert.equal(body.auto_apply_filters, true);
    for (const tab of tabs)
      assert.deepEqual(
        body.dashcards
          .filter((dc: {dashboard_tab_id: number}) => dc.dashboard_tab_id === tab.id)
          .map((dc: {card_id: number}) => dc.card_id),
        tab.cardIds,
      );
    const plain = await emulator.json(`/api/embed/dashboard/${dashboardToken()}`);
    assert.ok(plain.body.dashcards.every((dc: {dashboard_tab_id: unknown}) => dc.dashboard_tab_id === null));
  });

  test('auto_apply_filters: true by default, false where the content says so', async () => {
    const apply = await emulator.json(
      `/api/embed/dashboard/${dashboardToken({resource: {dashboard: SAMPLE.applyDashboard.id}})}`,
    );
    assert.equal(apply.body.auto_apply_filters, false);
    assert.equal((await emulator.json(`/api/embed/dashboard/${dashboardToken()}`)).body.auto_apply_filters, true);
  });

  test('the dashboard by entity id is the same dashboard', async () => {
    const byEntity = await emulator.json(
      `/api/embed/dashboard/${dashboardToken({resource: {dashboard: SAMPLE.salesDashboard.entityId}})}`,
    );
    assert.equal(byEntity.body.id, SAMPLE.salesDashboard.id);
  });

  test('a dashcard query: data.rows and data.cols, status 202', async () => {
    const answer = await emulator.get(`${dashcardPath(dashboardToken(), 4, 104)}`);
    assert.equal(answer.status, 202);
    const body = JSON.parse(answer.text);
    const {data} = body;
    assert.deepEqual(
      data.cols.map((col: {name: string}) => col.name),
      ['category', 'sum'],
    );
    assert.deepEqual(
      data.rows.map((row: unknown[]) => row[0]),
      [...SAMPLE.categories],
    );
    // Metabase's embed endpoints send the data and status only: no row_count, context or timing.
    assert.deepEqual(Object.keys(body).sort(), ['data', 'json_query', 'status']);
  });

  test('the table card gets longer and shorter with the filters', async () => {
    const all = await tableRows({});
    const gadgets = await tableRows({category: 'Gadget'});
    const oneWeek = await tableRows({category: 'Gadget', created_at: '2024-03-01~2024-03-07'});
    assert.ok(
      all.length > gadgets.length && gadgets.length > oneWeek.length && oneWeek.length > 0,
      `${all.length} > ${gadgets.length} > ${oneWeek.length}`,
    );
    assert.ok(gadgets.every((row) => row[1] === 'Gadget'));
  });

  test('the question by entity id, and its query', async () => {
    const token = sign({
      resource: {question: SAMPLE.monthlyRevenueQuestion.entityId},
      params: {tenant: []},
      exp: nowSeconds() + 600,
    });
    const card = await emulator.json(`/api/embed/card/${token}`);
    assert.deepEqual([card.body.name, card.body.display], ['Monthly revenue', 'line']);
    assert.deepEqual(
      card.body.parameters.map((p: {slug: string}) => p.slug),
      ['category'],
    );
    const result = await emulator.json(`/api/embed/card/${token}/query${parameters({category: 'Widget'})}`);
    assert.equal(result.status, 202);
    const months = result.body.data.rows.map((row: unknown[]) => String(row[0]).slice(0, 7));
    assert.equal(months.length, 24); // two years of months, every tenant
    assert.deepEqual([months[0], months[23]], ['2023-01', '2024-12']);
  });

  test('parameter values: the sorted distinct values of an editable filter', async () => {
    const {body} = await emulator.json(`/api/embed/dashboard/${dashboardToken()}/params/p-category/values`);
    assert.deepEqual(body, {values: SAMPLE.categories.map((c) => [c]), has_more_values: false});
    const search = await emulator.json(`/api/embed/dashboard/${dashboardToken()}/params/p-category/search/DG`);
    assert.deepEqual(search.body.values, [['Gadget'], ['Widget']]);
  });

  test("parameter values of locked or token-set parameters are refused with Metabase's messages", async () => {
    const locked = await emulator.get(`/api/embed/dashboard/${dashboardToken()}/params/p-tenant/values`);
    assert.deepEqual(
      [locked.status, locked.text],
      [400, 'Cannot search for values: "tenant" is not an enabled parameter.'],
    );
    const set = await emulator.get(
      `/api/embed/dashboard/${dashboardToken({params: {tenant: 'Acme', category: 'Gadget'}})}/params/p-category/values`,
    );
    assert.deepEqual(
      [set.status, set.text],
      [400, 'You can\'t specify a value for "category" if it\'s already set in the JWT.'],
    );
    const unknown = await emulator.get(`/api/embed/dashboard/${dashboardToken()}/params/nope/values`);
    assert.equal(unknown.text, 'Cannot search for values: nil is not an enabled parameter.');
  });

  test('downloads: csv and json of a question; xlsx is refused clearly', async () => {
    const csv = await emulator.get(`/api/embed/card/${questionToken()}/query/csv${parameters({category: 'Gizmo'})}`);
    assert.equal(csv.status, 200);
    assert.match(csv.type, /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="query_result_.+\.csv"$/);
    const lines = csv.text.trim().split('\n');
    assert.doesNotMatch(csv.text, /\r/); // lines end in \n, as Metabase writes them
    assert.equal(lines[0], 'ID,Created At,Product Title,Category,Quantity,Total');
    assert.equal(lines.length, 26); // header + the question's limit of 25
    assert.ok(lines.slice(1).every((line) => line.includes(',Gizmo,')));
    const json = await emulator.get(`/api/embed/card/${questionToken()}/query/json`);
    assert.deepEqual(Object.keys(JSON.parse(json.text)[0]), [
      'ID',
      'Created At',
      'Product Title',
      'Category',
      'Quantity',
      'Total',
    ]);
    const xlsx = await emulator.get(`/api/embed/card/${questionToken()}/query/xlsx`);
    assert.deepEqual([xlsx.status, xlsx.text], [400, 'The emulator does not produce xlsx downloads; use csv or json.']);
  });

  test('downloads of a dashcard apply the same parameter rules', async () => {
    const refused = await emulator.get(`${dashcardPath(dashboardToken())}/csv${parameters({tenant: 'Globex'})}`);
    assert.deepEqual([refused.status, refused.text], [400, 'You can only specify a value for tenant in the JWT.']);
    const csv = await emulator.get(`${dashcardPath(dashboardToken())}/csv${parameters({category: 'Widget'})}`);
    assert.equal(csv.text.split('\n')[0], 'Product Title,Category,Count,Sum of Total');
  });
});
