// Metabase's own tests of GET /api/embed/card/:token and its query and download endpoints
// (test/metabase/embedding_rest/api/embed_test.clj), and of its token check
// (test/metabase/embedding/jwt_test.clj), ported as tables: each case names the test it
// comes from and runs against a real emulator (see metabase-port/cases.ts).
import assert from 'node:assert/strict';
import {eid, Q} from './metabase-port/content.js';
import {
  cardQueryPath,
  cardToken,
  countOf100,
  FORMATS,
  formatName,
  jsonBody,
  portedCases,
  rows,
  withQuery,
  type Case,
  type Format,
} from './metabase-port/cases.js';

const YESTERDAY = Math.floor(Date.now() / 1000) - 86_400;
const card = (id: number | string, extra: object = {}, wrongKey = false) =>
  `/api/embed/card/${cardToken(id, extra, wrongKey)}`;
const ids = (id: number) =>
  [
    ['id', id],
    ['entity id', eid(`Card${id}`)],
  ] as const;

const cardEndpoint: Case[] = [
  {
    from: 'it-should-be-possible-to-use-this-endpoint-successfully-if-all-the-conditions-are-met',
    path: () => card(Q.count),
    status: 200,
    check: (answer) => {
      const body = jsonBody(answer);
      assert.deepEqual(
        [body.description, body.display, body.visualization_settings, body.parameters, body.param_fields],
        [null, 'table', {}, [], {}],
      );
      assert.equal(body.dataset_query['lib/type'], 'mbql/query');
    },
  },
  {
    from: "embed-card-strips-dataset-query-test › GET /api/embed/card/:token replaces the Card's query with a blank native query",
    path: () => card(Q.count),
    status: 200,
    check: (answer) =>
      assert.deepEqual(jsonBody(answer).dataset_query, {
        'lib/type': 'mbql/query',
        database: 1,
        stages: [{'lib/type': 'mbql.stage/native', native: '-'}],
      }),
  },
  {
    from: 'we-should-fail-when-attempting-to-use-an-expired-token',
    path: () => card(Q.count, {exp: YESTERDAY}),
    status: 400,
    text: /^Token is expired.*/,
  },
  {
    from: 'bad-card-id-fails',
    path: () => card('8'),
    status: 400,
    text: /Invalid input:.+value must be an integer greater than zero.+got.+8/,
  },
  {
    from: 'check-that-the-endpoint-doesn-t-work-if-embedding-isn-t-enabled',
    embeddingOff: true,
    path: () => card(Q.countUnpublished),
    status: 400,
    text: 'Embedding is not enabled.',
  },
  {
    from: 'check-that-if-embedding-is-enabled-globally-but-not-for-the-card-the-request-fails',
    path: () => card(Q.countUnpublished),
    status: 400,
    text: 'Embedding is not enabled for this object.',
  },
  {
    from: 'global-embedding-requests-fail-with-wrong-key › check that if embedding is enabled globally and for the object that requests fail if they are signed with the wrong key',
    path: () => card(Q.count, {}, true),
    status: 400,
    text: 'Message seems corrupt or manipulated',
  },
  ...[
    ['', {c: 100}],
    ['even if the value of the parameter is nil', {c: null}],
  ].map(([testing, params]): Case => ({
    from: `check-that-only-enabled-params-that-are-not-present-in-the-jwt-come-back › check that only ENABLED params that ARE NOT PRESENT IN THE JWT come back${testing ? ` › ${testing as string}` : ''}`,
    path: () => card(Q.fourDates, {params}),
    status: 200,
    check: (answer) =>
      assert.deepEqual(
        jsonBody(answer).parameters.map(({id, type, name, slug}: Record<string, unknown>) => ({id, type, name, slug})),
        [{id: 'd', type: 'date/single', name: 'd', slug: 'd'}],
      ),
  })),
  {
    from: 'card-param-fields-only-for-enabled-params-test › GET /api/embed/card/:token :param_fields only include enabled parameters, not locked/disabled/unlisted ones',
    path: () => card(Q.paramFields, {params: {id: 1}}),
    status: 200,
    check: (answer) => {
      const fields = jsonBody(answer).param_fields;
      assert.deepEqual(Object.keys(fields), ['_CATEGORY_']);
      assert.deepEqual(
        fields._CATEGORY_.map((field: {name: string}) => field.name),
        ['category_id'],
      );
    },
  },
];

const GENERIC = 'GET /api/embed/card/:token/query and GET /api/embed/card/:token/query/:export-format';
const eachFormat = (make: (format: Format) => Case[], withXlsx = false) =>
  (withXlsx ? [...FORMATS, '/xlsx' as const] : FORMATS).flatMap(make);

const cardQueries: Case[] = [
  ...eachFormat(
    (format) =>
      ids(Q.countUnpublished).map(([kind, id]) => ({
        from: `card-query-test › ${GENERIC} › check that the endpoint doesn't work if embedding isn't enabled`,
        variant: `${formatName(format)}, ${kind}`,
        embeddingOff: true,
        path: () => cardQueryPath(id, format),
        status: 400,
        text: 'Embedding is not enabled.',
      })),

    true,
  ),
  ...eachFormat((format) =>
    ids(Q.count).map(([kind, id]) => ({
      from: `card-query-test-2 › ${GENERIC} › it should be possible to run a Card successfully if you jump through the right hoops...`,
      variant: `${formatName(format)}, ${kind}`,
      path: () => cardQueryPath(id, format),
      status: format ? 200 : 202,
      check: countOf100(format),
    })),
  ),
  ...eachFormat(
    (format) =>
      ids(Q.countUnpublished).map(([kind, id]) => ({
        from: `card-query-test-4 › ${GENERIC} › check that if embedding *is* enabled globally but not for the Card the request fails${kind === 'id' ? '' : ' with entity ids'}`,
        variant: formatName(format),
        path: () => cardQueryPath(id, format),
        status: 400,
        text: 'Embedding is not enabled for this object.',
      })),

    true,
  ),
  ...eachFormat(
    (format) =>
      ids(Q.count).map(([kind, id]) => ({
        from: `card-query-test-5 › ${GENERIC} › check that if embedding is enabled globally and for the object that requests fail if they are signed with the wrong key`,
        variant: `${formatName(format)}, ${kind}`,
        path: () => cardQueryPath(id, format, {}, true),
        status: 400,
        text: 'Message seems corrupt or manipulated',
      })),

    true,
  ),
  ...ids(Q.venues).map(([kind, id]) => ({
    from: "download-formatted-without-constraints-test › Downloading CSV/JSON/XLSX results shouldn't be subject to the default query constraints -- even if the query comes in with `add-default-userland-constraints` (as will be the case if the query gets saved from one that had it -- see #9831 and #10399)",
    variant: kind,
    path: () => cardQueryPath(id, '/csv'),
    status: 200,
    check: (answer: {text: string}) => assert.equal(answer.text.trimEnd().split('\n').length, 101),
  })),
  ...eachFormat(
    (format): Case[] =>
      [
        {
          from: 'card-locked-params-test › check that if embedding is enabled globally and for the object requests fail if the token is missing a `:locked` parameter',
          variant: formatName(format),
          path: () => cardQueryPath(Q.countLocked, format),
          status: 400,
          text: 'You must specify a value for :venue_id in the JWT.',
        },
        {
          from: 'card-locked-params-test › if `:locked` param is present, request should succeed',
          variant: formatName(format),
          path: () => cardQueryPath(Q.countLocked, format, {params: {venue_id: 100}}),
          status: format ? 200 : 202,
          check: countOf100(format),
        },
        {
          from: 'card-locked-params-test › If `:locked` parameter is present in URL params, request should fail',
          variant: formatName(format),
          path: () => withQuery(cardQueryPath(Q.countLocked, format, {params: {venue_id: 100}}), 'venue_id=100'),
          status: 400,
          text: 'You can only specify a value for venue_id in the JWT.',
        },
        {
          from: 'card-disabled-params-test › check that if embedding is enabled globally and for the object requests fail if they pass a `:disabled` parameter',
          variant: formatName(format),
          path: () => cardQueryPath(Q.countDisabled, format, {params: {venue_id: 100}}),
          status: 400,
          text: "You're not allowed to specify a value for venue_id.",
        },
        {
          from: 'card-disabled-params-test › If a `:disabled` param is passed in the URL the request should fail',
          variant: formatName(format),
          path: () => withQuery(cardQueryPath(Q.countDisabled, format), 'venue_id=200'),
          status: 400,
          text: "You're not allowed to specify a value for venue_id.",
        },
        {
          from: 'card-enabled-params-test › If `:enabled` param is present in both JWT and the URL, the request should fail',
          variant: formatName(format),
          path: () => withQuery(cardQueryPath(Q.countEnabled, format, {params: {venue_id: 100}}), 'venue_id=100'),
          status: 400,
          text: "You can't specify a value for venue_id if it's already set in the JWT.",
        },
        {
          from: "card-enabled-params-test › If an `:enabled` param is present in the JWT, that's ok",
          variant: formatName(format),
          path: () => cardQueryPath(Q.countEnabled, format, {params: {venue_id: 'enabled'}}),
          status: format ? 200 : 202,
          check: countOf100(format),
        },
        {
          from: "card-enabled-params-test › If an `:enabled` param is present in URL params but *not* the JWT, that's ok",
          variant: formatName(format),
          path: () => withQuery(cardQueryPath(Q.countEnabled, format), 'venue_id=200'),
          status: format ? 200 : 202,
          check: countOf100(format),
        },
        // Metabase's xlsx variants: the emulator writes no xlsx, but refuses the same requests.
      ].filter((item) => format !== '/xlsx' || item.status === 400),
    true,
  ),
];

const DEFAULTS = 'default-value-card-query-test › GET /api/embed/card/:token/query with default values for params';
const defaults: [string, number, object, string, number, unknown][] = [
  [
    'if the param is enabled › the default should apply if no param value is provided',
    Q.dateEnabled,
    {},
    '',
    202,
    [[107]],
  ],
  [
    'if the param is enabled › the default should apply if no param value is provided › check this is the same result as when a default value is provided',
    Q.dateEnabled,
    {},
    'date=Q1-2014',
    202,
    [[107]],
  ],
  [
    'if the param is enabled › an empty value should apply if provided as an empty string in the query params',
    Q.dateEnabled,
    {},
    'date=',
    202,
    [[1000]],
  ],
  [
    'if the param is enabled › an empty value should apply if provided as nil in the JWT params',
    Q.dateEnabled,
    {date: null},
    '',
    202,
    [[1000]],
  ],
  ['if the param is disabled › the default should apply if no param is provided', Q.dateDisabled, {}, '', 202, [[107]]],
  [
    "if the param is disabled › you can't apply an empty param value if the parameter is disabled",
    Q.dateDisabled,
    {},
    'date=',
    400,
    "You're not allowed to specify a value for date.",
  ],
  [
    "if the param is locked › an empty value with `nil` as the param's value is invalid and should result in an error",
    Q.dateLocked,
    {date: null},
    '',
    400,
    'You must specify a value for :date in the JWT.',
  ],
  [
    "if the param is locked › an empty value with `nil` as the param's value is invalid and should result in an error › check this is different to when a non-nil value is provided",
    Q.dateLocked,
    {date: 'Q2-2014'},
    '',
    202,
    [[138]],
  ],
  [
    'if the param is locked › an empty string value is invalid and should result in an error',
    Q.dateLocked,
    {date: ''},
    '',
    400,
    'You must specify a value for :date in the JWT.',
  ],
];
const defaultCases: Case[] = defaults.map(([testing, id, params, query, status, expected]) => ({
  from: `${DEFAULTS} › ${testing}`,
  path: () => (query ? withQuery(cardQueryPath(id, '', {params}), query) : cardQueryPath(id, '', {params})),
  status,
  ...(typeof expected === 'string' ? {text: expected} : {check: rows(expected as unknown[][])}),
}));

const downloads: Case[] = [
  {
    from: 'csv-reports-count › GET /api/embed/card/:token/query/:export-format › make sure CSV (etc.) downloads take editable params into account (#6407)',
    path: () => withQuery(cardQueryPath(Q.dateNoDefault, '/csv'), 'date=Q1-2014'),
    status: 200,
    // Metabase's native column is named `count`; the emulator's count column shows as `Count`.
    text: 'Count\n107\n',
  },
  {
    from: 'csv-forward-url-test',
    path: () => `/embed/question/${cardToken(Q.dateNoDefault)}.csv?date=Q1-2014`,
    status: 200,
    text: 'Count\n107\n',
  },
  ...(['true', 'false'] as const).flatMap((formatRows): Case[] =>
    (['csv', 'json'] as const).map((format) => ({
      from: `format-export-middleware-test › export_format ${formatRows} yields expected output for :${format} exports.`,
      variant: 'card',
      path: () => `/api/embed/card/${cardToken(Q.numbers)}/query/${format}?format_rows=${formatRows}`,
      status: 200,
      check: (answer) => {
        const last =
          format === 'csv'
            ? answer.text
                .trimEnd()
                .split('\n')
                .at(-1)!
                .match(/("[^"]*"|[^,]+)/g)!
                .map((cell) => cell.replaceAll('"', ''))
            : Object.values(JSON.parse(answer.text).at(-1));
        const expected = {
          'csv true': ['2,000', 'March 26, 2024'],
          'csv false': ['2000', '2024-03-26'],
          'json true': ['2,000', 'March 26, 2024'],
          'json false': [2000, '2024-03-26'],
        }[`${format} ${formatRows}`];
        assert.deepEqual(last, expected);
      },
    })),
  ),
  ...[
    ['Card', 'Hudson Borer'],
    ['Card', 'Hudson Borer&NAME=x'],
  ].map(([, query], i): Case => ({
    from: 'handle-single-params-for-operator-filters-test › Query endpoints should work with a single URL parameter for an operator filter (#20438) › Card',
    variant: i === 0 ? 'one value' : 'two values',
    path: () => `${cardQueryPath(Q.peopleByName, '')}?NAME=${query!.replace(' ', '%20')}`,
    status: 202,
    check: rows([[1]]),
  })),
  {
    from: 'pass-numeric-param-as-number-test › Embedded numeric params should work with numeric (as opposed to string) values in the JWT (#20845)',
    path: () => cardQueryPath(Q.quantityLocked, '', {params: {qty_locked: 1}}),
    status: 202,
    check: rows([[3443]]),
  },
];

// jwt_test.clj: the token with `alg: none` that Metabase's test uses, as it is.
const TOKEN_WITH_ALG_NONE =
  'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJhZG1pbiI6dHJ1ZX0.3Dbtd6Z0yuSfw62fOzBGHyiL0BJp3pod_PZE-BBdR-I';
const jwt: Case[] = [
  {
    from: 'disallow-unsigned-tokens-test › check that we disallow tokens signed with alg = none',
    path: () => `/api/embed/card/${TOKEN_WITH_ALG_NONE}`,
    status: 400,
    text: 'JWT `alg` cannot be `none`.',
  },
];

portedCases("Metabase's embed tests: GET /api/embed/card/:token", cardEndpoint);
portedCases("Metabase's embed tests: card queries and downloads", [...cardQueries, ...defaultCases, ...downloads]);
portedCases("Metabase's jwt tests", jwt);
