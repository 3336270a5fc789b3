// The built-in sample content and content given by the caller: deterministic data,
// replacement of items and tables, and validation errors that name the field.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
  ContentError,
  SAMPLE,
  generateSampleTables,
  sampleContent,
  startEmulator,
  type EmulatorContent,
} from '../src/index.js';
import {TEST_SECRET, TestEmulator, nowSeconds, sign} from '../../support/emulator-node.js';
import {codeBlocks, region} from '../../support/markdown.js';

const start = (content: unknown) => startEmulator({secretKey: TEST_SECRET, content: content as EmulatorContent});

/** Two tenants that never share a state, so filter values can show a leak. */
function tinyContent(): EmulatorContent {
  return {
    tables: {
      people: [
        {id: 1, tenant: 'north', state: 'AK', age: 30},
        {id: 2, tenant: 'north', state: 'WA', age: 40},
        {id: 3, tenant: 'south', state: 'TX', age: 50},
      ],
    },
    questions: [
      {
        id: 7,
        name: 'People',
        display: 'table',
        query: {source: 'people', fields: ['id', 'state']},
        parameters: [
          {id: 't', slug: 'tenant', name: 'Tenant', type: 'string/=', column: 'tenant'},
          {id: 's', slug: 'state', name: 'State', type: 'string/=', column: 'state'},
        ],
        enable_embedding: true,
        embedding_params: {tenant: 'locked', state: 'enabled'},
      },
    ],
    dashboards: [],
  };
}

describe('sample content', () => {
  test('is generated deterministically: orders, products and people', () => {
    const first = generateSampleTables();
    assert.deepEqual(first, generateSampleTables());
    assert.deepEqual(Object.fromEntries(Object.entries(first).map(([name, rows]) => [name, rows.length])), {
      products: 48,
      people: 600,
      orders: 4000,
    });
    assert.notDeepEqual(first.orders.slice(0, 5), generateSampleTables(1).orders.slice(0, 5));
  });

  test('orders cover the documented date range and every tenant and category', () => {
    const {orders} = generateSampleTables();
    const dates = orders.map((order) => String(order.created_at).slice(0, 10)).sort();
    assert.ok(dates[0]! >= SAMPLE.dateRange.from && dates.at(-1)! <= SAMPLE.dateRange.to);
    assert.deepEqual([...new Set(orders.map((o) => o.tenant))].sort(), [...SAMPLE.tenants]);
    assert.deepEqual([...new Set(orders.map((o) => o.category))].sort(), [...SAMPLE.categories]);
  });

  test('has four dashboards and two embeddable questions, as SAMPLE describes them', () => {
    const content = sampleContent();
    const dashboard = content.dashboards.find((d) => d.id === SAMPLE.salesDashboard.id)!;
    assert.equal(dashboard.entity_id, SAMPLE.salesDashboard.entityId);
    assert.deepEqual(dashboard.embedding_params, SAMPLE.salesDashboard.parameters);
    assert.deepEqual(Object.values(dashboard.embedding_params).sort(), ['disabled', 'enabled', 'enabled', 'locked']);
    const displays = dashboard.dashcards.map((dc) => content.questions.find((q) => q.id === dc.card_id)!.display);
    for (const display of ['scalar', 'bar', 'line', 'table']) assert.ok(displays.includes(display as never), display);
    assert.equal(content.dashboards.length, 4);
    for (const question of [SAMPLE.monthlyRevenueQuestion, SAMPLE.ordersQuestion]) {
      const found = content.questions.find((q) => q.id === question.id)!;
      assert.deepEqual(
        [found.entity_id, found.enable_embedding, found.embedding_params],
        [question.entityId, true, question.parameters],
      );
    }
  });
});

describe('content given to the emulator', () => {
  test('replaces the items and tables', async () => {
    const emulator = await TestEmulator.start(tinyContent());
    try {
      const token = sign({resource: {question: 7}, params: {tenant: 'north'}, exp: nowSeconds() + 600});
      const result = await emulator.json(`/api/embed/card/${token}/query`);
      assert.deepEqual(result.body.data.rows, [
        [1, 'AK'],
        [2, 'WA'],
      ]);
      const gone = await emulator.get(`/api/embed/dashboard/${sign({resource: {dashboard: 1}, params: {}})}`);
      assert.equal(gone.text, 'Not found.');
    } finally {
      await emulator.close();
    }
  });

  test('filter values never list what the locked tenant cannot see', async () => {
    const emulator = await TestEmulator.start(tinyContent());
    try {
      const values = async (tenant: string) =>
        (await emulator.json(`/api/embed/card/${sign({resource: {question: 7}, params: {tenant}})}/params/s/values`))
          .body.values;
      assert.deepEqual(await values('north'), [['AK'], ['WA']]);
      assert.deepEqual(await values('south'), [['TX']]);
    } finally {
      await emulator.close();
    }
  });

  test('without tables, the items read the sample tables', async () => {
    const content = sampleContent();
    const emulator = await TestEmulator.start({
      ...content,
      questions: content.questions.map((q) => ({...q, enable_embedding: true})),
    });
    try {
      const token = sign({resource: {question: 102}, params: {}});
      assert.equal((await emulator.json(`/api/embed/card/${token}/query`)).body.data.rows[0][0], 4000);
    } finally {
      await emulator.close();
    }
  });

  const invalid: [string, unknown, RegExp][] = [
    ['not an object', [], /must be a JSON object with "questions" and "dashboards"/],
    ['missing lists', {}, /questions must be an array \(got nothing\)[\s\S]*dashboards must be an array/],
    [
      'a bad embedding status',
      {...tinyContent(), questions: [{...tinyContent().questions[0], embedding_params: {tenant: 'yes'}}]},
      /questions\[0\]\.embedding_params\.tenant must be one of "enabled", "locked", "disabled" \(got "yes"\)/,
    ],
    [
      'an unknown table',
      {...tinyContent(), questions: [{...tinyContent().questions[0], query: {source: 'nope'}}]},
      /questions\[0\]\.query\.source must be one of the tables \(people\)/,
    ],
    [
      'an unknown column',
      {...tinyContent(), questions: [{...tinyContent().questions[0], query: {source: 'people', fields: ['height']}}]},
      /questions\[0\]\.query\.fields\[0\] must be a column of table "people" \(got "height"\)/,
    ],
    [
      'a bad entity id',
      {...tinyContent(), questions: [{...tinyContent().questions[0], entity_id: 'short'}]},
      /questions\[0\]\.entity_id must be a 21-character entity id/,
    ],
    [
      'a dashcard of a missing card',
      {
        ...tinyContent(),
        dashboards: [{id: 1, name: 'D', dashcards: [{id: 1, card_id: 99, col: 0, row: 0, size_x: 4, size_y: 4}]}],
      },
      /dashboards\[0\]\.dashcards\[0\]\.card_id must be the id of a question in "questions" \(got 99\)/,
    ],
    [
      'a mapping to an unknown parameter',
      {
        ...tinyContent(),
        dashboards: [
          {
            id: 1,
            name: 'D',
            dashcards: [
              {
                id: 1,
                card_id: 7,
                col: 20,
                row: 0,
                size_x: 8,
                size_y: 4,
                parameter_mappings: [{parameter_id: 'x', column: 'state'}],
              },
            ],
          },
        ],
      },
      /size_x must be small enough that col \+ size_x ≤ 24[\s\S]*parameter_mappings\[0\]\.parameter_id must be the id of one of the dashboard's parameters/,
    ],
    [
      'a table name inherited from Object',
      {...tinyContent(), questions: [{...tinyContent().questions[0], query: {source: 'constructor'}}]},
      /questions\[0\]\.query\.source must be one of the tables \(people\) \(got "constructor"\)/,
    ],
    [
      'an invalid currency code',
      {
        ...tinyContent(),
        questions: [
          {
            ...tinyContent().questions[0],
            visualization_settings: {column_settings: {id: {number_style: 'currency', currency: 'EURO'}}},
          },
        ],
      },
      /questions\[0\]\.visualization_settings\.column_settings\.id\.currency must be an ISO 4217 currency code like "USD" or "EUR" \(got "EURO"\)/,
    ],
    [
      'column settings that are not objects',
      {
        ...tinyContent(),
        questions: [{...tinyContent().questions[0], visualization_settings: {column_settings: {id: 'EUR'}}}],
      },
      /questions\[0\]\.visualization_settings\.column_settings\.id must be an object/,
    ],
    [
      'a remapping of an unknown column or to one',
      {...tinyContent(), remappings: {people: {height: 'state', id: 'nickname'}, pets: {id: 'name'}}},
      /remappings\.people\.height must be named after a column of "people" \(got "height"\)[\s\S]*remappings\.people\.id must be a column of "people" \(got "nickname"\)[\s\S]*remappings\.pets must be named after one of the tables/,
    ],
    [
      'a static list entry that is neither a value nor a [value, label] pair',
      {
        ...tinyContent(),
        questions: [
          {
            ...tinyContent().questions[0],
            parameters: [
              {
                id: 's',
                slug: 'state',
                name: 'State',
                type: 'string/=',
                column: 'state',
                values_source_type: 'static-list',
                values_source_config: {values: ['AK', ['WA', 3], {value: 'TX'}]},
              },
            ],
          },
        ],
      },
      /parameters\[0\]\.values_source_config\.values\[1\] must be a string or number, or a \[value, "label"\] pair[\s\S]*values\[2\] must be/,
    ],
    [
      'an unknown values source',
      {
        ...tinyContent(),
        questions: [
          {
            ...tinyContent().questions[0],
            parameters: [
              {id: 's', slug: 'state', name: 'State', type: 'string/=', column: 'state', values_source_type: 'card'},
            ],
          },
        ],
      },
      /parameters\[0\]\.values_source_type must be one of "static-list" \(got "card"\)/,
    ],
    [
      'tabs with a repeated id, a card on no tab, a tab id on a dashboard without tabs, a bad auto_apply_filters',
      {
        ...tinyContent(),
        dashboards: [
          {
            id: 1,
            name: 'Tabbed',
            auto_apply_filters: 'no',
            tabs: [
              {id: 5, name: 'One'},
              {id: 5, name: ''},
            ],
            dashcards: [{id: 1, card_id: 7, col: 0, row: 0, size_x: 4, size_y: 4}],
          },
          {
            id: 2,
            name: 'Plain',
            dashcards: [{id: 2, card_id: 7, col: 0, row: 0, size_x: 4, size_y: 4, dashboard_tab_id: 5}],
          },
        ],
      },
      /dashboards\[0\]\.auto_apply_filters must be true or false \(got "no"\)[\s\S]*dashboards\[0\]\.tabs\[1\]\.id repeats the tab id 5[\s\S]*tabs\[1\]\.name must be a non-empty string[\s\S]*dashboards\[0\]\.dashcards\[0\]\.dashboard_tab_id must be the id of one of the dashboard's tabs \(got nothing\)[\s\S]*dashboards\[1\]\.dashcards\[0\]\.dashboard_tab_id must be left out on a dashboard without tabs \(got 5\)/,
    ],
    [
      'a bad global switch',
      {...tinyContent(), embedding_enabled: 'yes'},
      /content\.embedding_enabled must be true or false/,
    ],
  ];
  for (const [name, content, message] of invalid) {
    test(`is refused with a clear error: ${name}`, async () => {
      // Content wrongly accepted still starts a server: close it, so the failure is reported.
      await assert.rejects(
        start(content).then((emulator) => emulator.close()),
        (error: Error) => {
          assert.ok(error instanceof ContentError, `not a ContentError: ${error.message}`);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

describe('startEmulator options', () => {
  for (const [name, secretKey, message] of [
    ['missing', undefined, /secretKey is required/],
    ['too short', 'abc123', /secretKey must be exactly 64 hexadecimal characters .*got 6 characters\./],
    ['not hex', 'z'.repeat(64), /including non-hexadecimal ones/],
  ] as const) {
    test(`a ${name} secret throws a clear error that does not echo it`, async () => {
      await assert.rejects(startEmulator({secretKey: secretKey as unknown as string}), (error: Error) => {
        assert.match(error.message, message);
        if (secretKey) assert.ok(!error.message.includes(secretKey));
        return true;
      });
    });
  }

  test('binds to 127.0.0.1 on a free port by default', async () => {
    const emulator = await startEmulator({secretKey: TEST_SECRET});
    try {
      assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(emulator.url, 'http://127.0.0.1:0');
    } finally {
      await emulator.close();
    }
  });
});

describe('docs', () => {
  test('the content example in the emulator region of the docs is valid and runs', async () => {
    const [example] = codeBlocks(region('emulator').text, 'json');
    assert.ok(example, 'the emulator section has a JSON content example');
    const emulator = await TestEmulator.start(JSON.parse(example));
    try {
      const token = sign({resource: {dashboard: 3}, params: {tenant: 'north'}});
      const result = await emulator.json(`/api/embed/dashboard/${token}/dashcard/30/card/7`);
      assert.deepEqual([result.status, result.body.data.rows], [202, [['AK', 1]]]);
      const byEntity = await emulator.json(
        `/api/embed/card/${sign({resource: {question: 'PeopleByStateQuestion'}, params: {tenant: 'north'}})}`,
      );
      assert.equal(byEntity.body.name, 'People by state');
    } finally {
      await emulator.close();
    }
  });
});
