// The requests every token endpoint must answer alike (the Node handler's HTTP and policy
// tests, for the policy the Python and Ruby backends write out: dashboard 1 with editable
// category and created_at, question MonthlyRevenueQ000301 with editable category, the
// tenant locked from the session). Each request is sent with JSON, the allowed Origin and
// the signed-in user ada unless it says otherwise ('' drops a default header).
export const TEST_ORIGIN = 'http://app.example.test';

export interface BackendCase {
  name: string;
  request: {
    method?: string | undefined;
    headers?: Record<string, string> | undefined;
    body?: string | Uint8Array | object | undefined;
    streamed?: boolean | undefined;
    /** Appended to the endpoint's URL, e.g. `?response=json`. */
    query?: string | undefined;
  };
  /** The Node handler's status: the table says what it checks. */
  status: number;
  /** The Node handler's `{error}` text, where the row pins it (every backend must answer the same). */
  error?: string;
}

// Metabase's static embed serves no document (docs/emulator.md, "Where it differs"): every
// endpoint refuses one, naming the field and the two kinds it takes.
const NO_DOCUMENT = 'resource must have exactly one key, "dashboard" or "question"; found';

const LIMIT = 16 * 1024;
const utf8 = new TextEncoder();

/** Valid JSON for dashboard 1 of exactly `size` UTF-8 bytes (padded with spaces). */
function paddedBody(size: number, category = 'Widget'): string {
  const json = JSON.stringify({resource: {dashboard: 1}, params: {category}});
  return json + ' '.repeat(size - utf8.encode(json).length);
}

/**
 * Metabase's guest embeds ask for a token as its e2e test
 * e2e/test/scenarios/embedding/sdk-iframe-embedding/guest-token-refresh.cy.spec.ts (metabase
 * master) sees: `POST <guestEmbedProviderUri>?response=json` with these bodies, a JSON object
 * `custom-context` arriving parsed and any other as the string it is.
 */
const guest = (body: object, overrides: Partial<BackendCase['request']> = {}) => ({
  query: '?response=json',
  body,
  ...overrides,
});

export const GUEST_CASES: BackendCase[] = [
  {
    name: 'guest: "calls guestEmbedProviderUri with { entityType, entityId } … after token refresh" (object context)',
    request: guest({entityType: 'dashboard', entityId: 1, customContext: {param: 'value', nested: {a: 1}}}),
    status: 200,
  },
  {
    name: 'guest: "calls guestEmbedProviderUri with { entityType, entityId } … (initial token fetch)" (string context)',
    request: guest({entityType: 'dashboard', entityId: 1, customContext: 'test-custom-context'}),
    status: 200,
  },
  {
    name: 'guest: "calls guestEmbedProviderUri with { entityType: question, entityId } …", by entity id',
    request: guest({entityType: 'question', entityId: 'MonthlyRevenueQ000301', customContext: 'test-custom-context'}),
    status: 200,
  },
  {name: 'guest: no custom-context', request: guest({entityType: 'dashboard', entityId: 1}), status: 200},
  {
    name: 'guest: without ?response=json',
    request: guest({entityType: 'dashboard', entityId: 1}, {query: ''}),
    status: 200,
  },
  {
    name: 'guest: no session',
    request: guest({entityType: 'dashboard', entityId: 1}, {headers: {Cookie: ''}}),
    status: 401,
  },
  {name: 'guest: an unlisted dashboard', request: guest({entityType: 'dashboard', entityId: 2}), status: 403},
  {name: 'guest: a card entityType', request: guest({entityType: 'card', entityId: 1}), status: 400},
  {
    name: 'guest: a document entityType',
    request: guest({entityType: 'document', entityId: 1}),
    status: 400,
    error: 'entityType must be "dashboard" or "question", got "document"',
  },
  {name: 'guest: a null entityType', request: guest({entityType: null, entityId: 1}), status: 400},
  {name: 'guest: no entityId', request: guest({entityType: 'dashboard'}), status: 400},
  {name: 'guest: a zero entityId', request: guest({entityType: 'dashboard', entityId: 0}), status: 400},
  {name: 'guest: a short entity id', request: guest({entityType: 'question', entityId: 'abc'}), status: 400},
  {
    name: 'guest: both shapes at once',
    request: guest({entityType: 'dashboard', entityId: 1, resource: {dashboard: 1}}),
    status: 400,
  },
  {
    name: 'guest: params beside it (a guest embed sets no filter through the host)',
    request: guest({entityType: 'dashboard', entityId: 1, params: {tenant: 'Globex'}}),
    status: 400,
  },
];

const dashboard = (params?: object) => ({resource: {dashboard: 1}, ...(params && {params})});

export const BACKEND_TABLE: BackendCase[] = [
  {name: 'a dashboard with an array value', request: {body: dashboard({category: ['Widget', 'Gizmo']})}, status: 200},
  {name: 'a date range', request: {body: dashboard({created_at: '2024-01-01~2024-06-30'})}, status: 200},
  {name: 'no params at all', request: {body: dashboard()}, status: 200},
  {name: 'a decimal-string id', request: {body: {resource: {dashboard: '1'}}}, status: 200},
  {name: 'a whole number written 1.0', request: {body: '{"resource": {"dashboard": 1.0}}'}, status: 200},
  {
    name: 'a question by entity id',
    request: {body: {resource: {question: 'MonthlyRevenueQ000301'}, params: {category: 'Gizmo'}}},
    status: 200,
  },
  {name: 'another user', request: {headers: {Cookie: 'demo_user=grace'}, body: dashboard()}, status: 200},
  {name: 'a byte-order mark before the JSON', request: {body: `\uFEFF${JSON.stringify(dashboard())}`}, status: 200},
  {name: 'numbers and booleans', request: {body: dashboard({category: [1, 2.5, true]})}, status: 200},
  // null is "no value": Metabase reads it as clearing the filter's default.
  {name: 'a null value', request: {body: dashboard({category: null})}, status: 200},

  // OPTIONS is a CORS preflight here (allowedOrigins is set): test/backends/cors.node.test.ts.
  ...['GET', 'PUT', 'DELETE', 'PATCH'].map((method) => ({
    name: `${method} (with Allow: POST)`,
    request: {method, body: method === 'GET' ? undefined : '{}'},
    status: 405,
  })),

  {name: 'another Origin', request: {headers: {Origin: 'https://evil.example'}, body: dashboard()}, status: 403},
  {name: 'no Origin header', request: {headers: {Origin: ''}, body: dashboard()}, status: 403},
  {name: 'an unlisted dashboard', request: {body: {resource: {dashboard: 13}}}, status: 403},
  {name: 'a question with a listed dashboard id', request: {body: {resource: {question: 1}}}, status: 403},

  {name: 'text/plain', request: {headers: {'Content-Type': 'text/plain'}, body: dashboard()}, status: 415},
  {
    name: 'a form',
    request: {headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: dashboard()},
    status: 415,
  },
  {
    name: 'another charset',
    request: {headers: {'Content-Type': 'application/json; charset=latin1'}, body: dashboard()},
    status: 415,
  },
  {
    name: 'a look-alike type',
    request: {headers: {'Content-Type': 'application/jsonp'}, body: dashboard()},
    status: 415,
  },
  {name: 'no Content-Type', request: {headers: {'Content-Type': ''}, body: dashboard()}, status: 415},
  ...['application/json; charset=UTF-8', 'application/json;charset=utf8', 'Application/JSON'].map((type) => ({
    name: `Content-Type ${type}`,
    request: {headers: {'Content-Type': type}, body: dashboard()},
    status: 200,
  })),

  {name: 'no session', request: {headers: {Cookie: ''}, body: dashboard()}, status: 401},
  {name: 'an unknown user', request: {headers: {Cookie: 'demo_user=mallory'}, body: dashboard()}, status: 401},

  {name: `exactly ${LIMIT} bytes`, request: {body: paddedBody(LIMIT)}, status: 200},
  {name: `${LIMIT + 1} bytes`, request: {body: paddedBody(LIMIT + 1)}, status: 413},
  {name: `exactly ${LIMIT} bytes, streamed`, request: {body: paddedBody(LIMIT), streamed: true}, status: 200},
  {name: `${LIMIT + 1} bytes, streamed`, request: {body: paddedBody(LIMIT + 1), streamed: true}, status: 413},
  {
    name: 'multibyte text over the limit in fewer characters',
    request: {body: paddedBody(6_000 * 3 + 100, '€'.repeat(6_000))},
    status: 413,
  },

  ...(
    [
      ['an empty body', ''],
      ['truncated JSON', '{"resource": {"dashboard": 1}'],
      ['NaN', '{"resource": {"dashboard": NaN}}'],
      ['an array', '[{"dashboard": 1}]'],
      ['a JSON string', '"dashboard:1"'],
      ['no resource', '{"params": {}}'],
      ['a card resource', '{"resource": {"card": 1}}'],
      ['two resources', '{"resource": {"dashboard": 1, "question": 1}}'],
      ['an empty resource', '{"resource": {}}'],
      ['a zero id', '{"resource": {"dashboard": 0}}'],
      ['a negative id', '{"resource": {"dashboard": -4}}'],
      ['a fractional id', '{"resource": {"dashboard": 1.5}}'],
      ['an id with a leading zero', '{"resource": {"dashboard": "01"}}'],
      ['a short entity id', '{"resource": {"question": "abc"}}'],
      ['a long string id', `{"resource": {"question": "${'x'.repeat(60)}"}}`],
      ['a boolean id', '{"resource": {"dashboard": true}}'],
      ['params null', '{"resource": {"dashboard": 1}, "params": null}'],
      ['params as an array', '{"resource": {"dashboard": 1}, "params": ["Widget"]}'],
      ['an object value', '{"resource": {"dashboard": 1}, "params": {"category": {"$ne": 1}}}'],
      ['a nested array', '{"resource": {"dashboard": 1}, "params": {"category": [["a"]]}}'],
      ['an infinite number', '{"resource": {"dashboard": 1}, "params": {"category": 1e999}}'],
      ['an empty slug', '{"resource": {"dashboard": 1}, "params": {"": "x"}}'],
      ['the locked slug', '{"resource": {"dashboard": 1}, "params": {"tenant": "Globex", "category": "Widget"}}'],
      ['an unknown slug', '{"resource": {"dashboard": 1}, "params": {"region": "EU"}}'],
      ['a "__proto__" slug', '{"resource": {"dashboard": 1}, "params": {"__proto__": "x"}}'],
      [
        'a slug the question does not make editable',
        '{"resource": {"question": "MonthlyRevenueQ000301"}, "params": {"created_at": "x"}}',
      ],
    ] as const
  ).map(([name, body]) => ({name, request: {body}, status: 400})),
  {name: 'invalid UTF-8', request: {body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])}, status: 400},
  {
    name: 'a document resource',
    request: {body: '{"resource": {"document": 1}}'},
    status: 400,
    error: `${NO_DOCUMENT} "document"`,
  },
  {
    name: 'a document beside a dashboard',
    request: {body: '{"resource": {"dashboard": 1, "document": 2}}'},
    status: 400,
    error: `${NO_DOCUMENT} "dashboard", "document"`,
  },

  ...GUEST_CASES,
];
