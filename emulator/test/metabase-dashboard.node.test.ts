// Metabase's own tests of GET /api/embed/dashboard/:token and its dashcard queries and
// downloads (test/metabase/embedding_rest/api/embed_test.clj), ported as tables: each case
// names the test it comes from and runs against a real emulator (see metabase-port/cases.ts).
import assert from 'node:assert/strict';
import {D, dashcardOf, eid, Q} from './metabase-port/content.js';
import {dashToken, jsonBody, portedCases, rows, rowsOf, withQuery, type Case} from './metabase-port/cases.js';

const YESTERDAY = Math.floor(Date.now() / 1000) - 86_400;
const dash = (id: number | string, extra: object = {}, wrongKey = false) =>
  `/api/embed/dashboard/${dashToken(id, extra, wrongKey)}`;
/** Metabase's `dashcard-url`: the dashboard's one card, by the dashboard's id or entity id. */
const dashcard = (id: number, extra: object = {}, {entityId = false, wrongKey = false, cardId = 0} = {}) =>
  `${dash(entityId ? eid(`Dash${id}`) : id, extra, wrongKey)}/dashcard/${dashcardOf(id)}/card/${cardId || cardOf(id)}`;
const cardOf = (id: number) =>
  ({
    [D.dateEnabled]: Q.dateNoDefault,
    [D.dateDisabled]: Q.dateNoDefault,
    [D.dateLocked]: Q.dateNoDefault,
    [D.numbers]: Q.numbers,
    [D.linkedToLocked]: Q.products,
    [D.nameContains]: Q.venues,
    [D.peopleByName]: Q.peopleByName,
    [D.venues]: Q.venues,
  })[id] ?? Q.count;
const ids = (id: number) =>
  [
    ['id', id],
    ['entity id', eid(`Dash${id}`)],
  ] as const;

const dashboardEndpoint: Case[] = [
  ...ids(D.empty).map(([kind, id]) => ({
    from: 'it-should-be-possible-to-call-this-endpoint-successfully',
    variant: kind,
    path: () => dash(id),
    status: 200,
    check: (answer: {text: string}) => {
      const {auto_apply_filters, description, parameters, dashcards, tabs, param_fields, width} = jsonBody(answer);
      assert.deepEqual(
        {auto_apply_filters, description, parameters, dashcards, tabs, param_fields, width},
        {
          auto_apply_filters: true,
          description: null,
          parameters: [],
          dashcards: [],
          tabs: [],
          param_fields: {},
          width: 'fixed',
        },
      );
    },
  })),
  {from: 'bad-dashboard-id-fails', path: () => dash('8'), status: 400, text: /^Invalid input: .+got.+8.+$/},
  {
    from: 'we-should-fail-when-attempting-to-use-an-expired-token-2',
    path: () => dash(D.empty, {exp: YESTERDAY}),
    status: 400,
    text: /^Token is expired.*/,
  },
  {
    from: 'check-that-the-dashboard-endpoint-doesn-t-work-if-embedding-isn-t-enabled',
    embeddingOff: true,
    path: () => dash(D.unpublished),
    status: 400,
    text: 'Embedding is not enabled.',
  },
  {
    from: 'check-that-if-embedding--is--enabled-globally-but-not-for-the-dashboard-the-request-fails',
    path: () => dash(D.unpublished),
    status: 400,
    text: 'Embedding is not enabled for this object.',
  },
  {
    from: 'global-embedding-check-key › check that if embedding is enabled globally and for the object that requests fail if they are signed with the wrong key',
    path: () => dash(D.empty, {}, true),
    status: 400,
    text: 'Message seems corrupt or manipulated',
  },
  ...ids(D.fourDates).map(([kind, id]) => ({
    from: 'only-enabled-params-that-are-not-present-in-the-jwt-come-back › check that only ENABLED params that ARE NOT PRESENT IN THE JWT come back',
    variant: kind,
    path: () => dash(id, {params: {c: 100}}),
    status: 200,
    check: (answer: {text: string}) =>
      assert.deepEqual(jsonBody(answer).parameters, [{id: '_d', slug: 'd', name: 'd', type: 'date/single'}]),
  })),
  {
    from: 'dashboard-param-fields-only-for-enabled-params-test › GET /api/embed/dashboard/:token :param_fields only include enabled parameters, not locked/disabled/unlisted ones',
    path: () => dash(D.paramFields, {params: {id: 1}}),
    status: 200,
    check: (answer) => {
      const fields = jsonBody(answer).param_fields;
      assert.deepEqual(Object.keys(fields), ['_CATEGORY_ID_']);
      assert.equal(fields._CATEGORY_ID_[0].name, 'category_id');
    },
  },
  ...[
    [D.categoryLocked, {category_id: 2}, 'locked parameter: no entries at all, the template-tag id one included', []],
    [D.categoryEnabled, {}, 'enabled parameter: one entry, keyed by the parameter id', ['_CATEGORY_ID_']],
  ].map(([id, params, testing, keys]): Case => ({
    from: `dashboard-param-fields-template-tag-entries-pruned-test › ${testing as string}`,
    path: () => dash(id as number, {params}),
    status: 200,
    check: (answer) => assert.deepEqual(Object.keys(jsonBody(answer).param_fields), keys),
  })),
  ...ids(D.lockedName).map(([kind, id]) => ({
    from: 'locked-params-removes-values-fields-and-mappings-test › locked params are removed from parameter mappings, param_values, and param_fields; a mapping whose parameter_id matches no dashboard parameter is dropped too (fails closed)',
    variant: kind,
    path: () => dash(id, {params: {foo: 'BCD Tofu House'}}),
    status: 200,
    check: (answer: {text: string}) => {
      const body = jsonBody(answer);
      assert.equal(Object.hasOwn(body.param_fields, 'foo'), false);
      assert.equal(body.dashcards[0].parameter_mappings.length, 0);
    },
  })),
  ...ids(D.lockedAndEnabledName).map(([kind, id]) => ({
    from: "locked-params-removes-values-fields-when-not-used-in-enabled-params › an enabled param keeps its param_fields Field even when a locked param shares it (#37914); the locked param's own entry is removed",
    variant: kind,
    path: () => dash(id, {params: {foo: 'BCD Tofu House'}}),
    status: 200,
    check: (answer: {text: string}) => {
      const body = jsonBody(answer);
      assert.deepEqual(Object.keys(body.param_fields), ['bar']);
      assert.equal(body.param_fields.bar[0].name, 'name');
      assert.equal(body.dashcards[0].parameter_mappings.length, 1);
    },
  })),
  {
    from: 'remove-embedding-params › parameters that are not in the `embedding-params` map at all should get removed by `enabled-params`',
    path: () => dash(D.unlisted),
    status: 200,
    check: (answer) => assert.deepEqual(jsonBody(answer).parameters, []),
  },
];

const dashcardQueries: Case[] = [
  ...ids(D.venueId).map(([kind]) => ({
    from: 'it-should-be-possible-to-run-a-card-successfully-if-you-jump-through-the-right-hoops--- › it should be possible to run a Card successfully if you jump through the right hoops...',
    variant: kind,
    path: () => dashcard(D.venueId, {}, {entityId: kind !== 'id'}),
    status: 202,
    check: (answer: {text: string}) => {
      const body = jsonBody(answer);
      assert.deepEqual([body.status, body.data.rows, body.json_query], ['completed', [[100]], {}]);
    },
  })),
  {
    from: 'running-card-as-logged-in-user-does-not-set-last-used-param-values › running the card does not set last used param values',
    path: () => dashcard(D.venueIdLocked, {params: {venue_id: 100}}),
    status: 202,
    check: rows([[1]]),
  },
  ...ids(D.venues).map(([kind]) => ({
    from: "downloading-csv-json-xlsx-results-from-the-dashcard-endpoint-shouldn-t-be-subject-to-the-default-query-constraints › Downloading CSV/JSON/XLSX results from the dashcard endpoint shouldn't be subject to the default query constraints (#10399)",
    variant: kind,
    path: () => `${dashcard(D.venues, {}, {entityId: kind !== 'id'})}/csv`,
    status: 200,
    check: (answer: {text: string}) => assert.equal(answer.text.trimEnd().split('\n').length, 101),
  })),
  {
    from: 'check-that-the-dashcard-endpoint-doesn-t-work-if-embedding-isn-t-enabled',
    embeddingOff: true,
    path: () => dashcard(D.unpublished),
    status: 400,
    text: 'Embedding is not enabled.',
  },
  {
    from: 'dashcard-check-that-if-embedding--is--enabled-globally-but-not-for-the-dashboard-the-request-fails',
    path: () => dashcard(D.unpublished),
    status: 400,
    text: 'Embedding is not enabled for this object.',
  },
  {
    from: 'dashcard-global-embedding-check-key › check that if embedding is enabled globally and for the object that requests fail if they are signed with the wrong key',
    path: () => dashcard(D.venueId, {}, {wrongKey: true}),
    status: 400,
    text: 'Message seems corrupt or manipulated',
  },
  ...(
    [
      [
        'dashboard-locked-params-test › check that if embedding is enabled globally and for the object requests fail if the token is missing a `:locked` parameter',
        D.venueIdLocked,
        {},
        '',
        400,
        'You must specify a value for :venue_id in the JWT.',
      ],
      [
        'dashboard-locked-params-test › if `:locked` param is supplied, request should succeed',
        D.venueIdLocked,
        {venue_id: 100},
        '',
        202,
        [[1]],
      ],
      [
        'dashboard-locked-params-test › if `:locked` parameter is present in URL params, request should fail',
        D.venueIdLocked,
        {},
        'venue_id=100',
        400,
        'You must specify a value for :venue_id in the JWT.',
      ],
      [
        'dashboard-disabled-params-test › check that if embedding is enabled globally and for the object requests fail if they pass a `:disabled` parameter',
        D.venueIdDisabled,
        {venue_id: 100},
        '',
        400,
        "You're not allowed to specify a value for venue_id.",
      ],
      [
        'dashboard-disabled-params-test › If a `:disabled` param is passed in the URL the request should fail',
        D.venueIdDisabled,
        {},
        'venue_id=200',
        400,
        "You're not allowed to specify a value for venue_id.",
      ],
      [
        'dashboard-enabled-params-test › If `:enabled` param is present in both JWT and the URL, the request should fail',
        D.venueIdEnabled,
        {venue_id: 100},
        'venue_id=200',
        400,
        "You can't specify a value for venue_id if it's already set in the JWT.",
      ],
      [
        "dashboard-enabled-params-test › If an `:enabled` param is present in the JWT, that's ok",
        D.venueIdEnabled,
        {venue_id: 50},
        '',
        202,
        [[1]],
      ],
      [
        "dashboard-enabled-params-test › If an `:enabled` param is present in URL params but *not* the JWT, that's ok",
        D.venueIdEnabled,
        {},
        'venue_id=1',
        202,
        [[1]],
      ],
      ...[
        ['the default should apply if no param value is provided', D.dateEnabled, {}, '', 202, [[107]]],
        [
          'the default should apply if no param value is provided › check this is the same result as when a default value is provided',
          D.dateEnabled,
          {},
          'date=Q1-2014',
          202,
          [[107]],
        ],
        [
          'an empty value should apply if provided as an empty string in the query params',
          D.dateEnabled,
          {},
          'date=',
          202,
          [[1000]],
        ],
        [
          'an empty value should apply if provided as nil in the JWT params',
          D.dateEnabled,
          {date: null},
          '',
          202,
          [[1000]],
        ],
        [
          'if the param is disabled › the default should apply if no param is provided',
          D.dateDisabled,
          {},
          '',
          202,
          [[107]],
        ],
        [
          "if the param is disabled › you can't apply an empty param value if the parameter is disabled",
          D.dateDisabled,
          {},
          'date=',
          400,
          "You're not allowed to specify a value for date.",
        ],
        [
          'if the param is locked › an empty value specified as `nil` is invalid and should result in an error',
          D.dateLocked,
          {date: null},
          '',
          400,
          'You must specify a value for :date in the JWT.',
        ],
        [
          'if the param is locked › an empty value specified as `nil` is invalid and should result in an error › check this is different to when a non-nil value is provided',
          D.dateLocked,
          {date: 'Q2-2014'},
          '',
          202,
          [[138]],
        ],
        [
          'if the param is locked › an empty string value is invalid and should result in an error',
          D.dateLocked,
          {date: ''},
          '',
          400,
          'You must specify a value for :date in the JWT.',
        ],
      ].map(([testing, ...rest]) => [
        `dashboard-native-query-params-with-default-test › GET api/embed/dashboard/:token/dashcard/:dashcard-id/card/:card-id with default values for params › ${testing as string}`,
        ...rest,
      ]),
    ] as [string, number, object, string, number, string | unknown[][]][]
  ).map(([from, id, params, query, status, expected]): Case => ({
    from,
    path: () => (query ? withQuery(dashcard(id, {params}), query) : dashcard(id, {params})),
    status,
    ...(typeof expected === 'string' ? {text: expected} : {check: rows(expected)}),
  })),
  {
    from: 'non-map-token-params-are-handled-test › GET /api/embed/dashboard/:token/dashcard/:id/card/:id whose signed :params is a non-map yields a clean 4xx, not a 500 (#14474)',
    path: () => dashcard(D.venueId, {params: []}),
    status: 400,
  },
  {
    from: 'apply-slug->value-test › For operator filter types treat a lone value as a one-value sequence (#20438)',
    path: () =>
      `${dashcard(D.peopleByName)}?parameters=${encodeURIComponent(JSON.stringify({name: ['Hudson Borer']}))}`,
    status: 202,
    check: rows([[1]]),
  },
  ...['Hudson%20Borer', 'Hudson%20Borer&name=x'].map((query, i): Case => ({
    from: 'handle-single-params-for-operator-filters-test › Query endpoints should work with a single URL parameter for an operator filter (#20438) › Dashcard',
    variant: i === 0 ? 'one value' : 'two values',
    path: () => `${dashcard(D.peopleByName)}?name=${query}`,
    status: 202,
    check: rows([[1]]),
  })),
  ...(['true', 'false'] as const).flatMap((formatRows): Case[] =>
    (['csv', 'json'] as const).map((format) => ({
      from: `format-export-middleware-test › export_format ${formatRows} yields expected output for :${format} exports.`,
      variant: 'dashcard',
      path: () => `${dashcard(D.numbers)}/${format}?format_rows=${formatRows}`,
      status: 200,
      check: (answer) => {
        const expected =
          formatRows === 'true'
            ? ['2,000', 'March 26, 2024']
            : format === 'csv'
              ? ['2000', '2024-03-26']
              : [2000, '2024-03-26'];
        if (format === 'json') return assert.deepEqual(Object.values(JSON.parse(answer.text).at(-1)), expected);
        const last = answer.text.trimEnd().split('\n').at(-1)!;
        assert.equal(last, expected.map((cell) => (String(cell).includes(',') ? `"${String(cell)}"` : cell)).join(','));
      },
    })),
  ),
  ...[
    ['Locked filter is not set in the token, so requests should fail.', {}],
    ['Locked filter is set to `nil` in the token, so requests should fail.', {category: null}],
  ].map(([testing, params]): Case => ({
    from: `filter-linked-to-locked-filter-test › Filter linked to locked filter works in various common configurations. › ${testing as string}`,
    variant: 'dashcard query',
    path: () => dashcard(D.linkedToLocked, {params}),
    status: 400,
    text: 'You must specify a value for :category in the JWT.',
  })),
  ...[
    ['Locked filter is set to a list of values in the token.', ['Widget'], 54],
    ['Locked filter is set to an empty list in the token.', [], 200],
  ].map(([testing, category, count]): Case => ({
    from: `filter-linked-to-locked-filter-test › Filter linked to locked filter works in various common configurations. › ${testing as string} › query has the expected results`,
    path: () => dashcard(D.linkedToLocked, {params: {category}}),
    status: 202,
    check: (answer) => assert.equal(rowsOf(answer).length, count),
  })),
  {
    from: "embedded-string-parameter-case-sensitivity-regression-test › Field filter should work case-insensitively in embedded dashboards › Query with lowercase 'red' should find venues with 'Red' in the name",
    path: () => dashcard(D.nameContains, {params: {name_contains: 'red'}}),
    status: 202,
    check: (answer) => {
      const found = rowsOf(answer);
      assert.deepEqual(new Set(found.map((row) => row[0])), new Set([1, 10]));
      assert.ok(found.some((row) => /Red/.test(String(row[1]))) && found.some((row) => /red/.test(String(row[1]))));
    },
  },
];

portedCases("Metabase's embed tests: GET /api/embed/dashboard/:token", dashboardEndpoint);
portedCases("Metabase's embed tests: dashcard queries and downloads", dashcardQueries);
