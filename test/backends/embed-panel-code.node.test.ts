// The Embed panel's pure functions: choices → the element's attributes, the page code in
// five languages, the server code in four, and which lines a change touched.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {tagAttributes, type EmbedChoices} from '../../demo/client/embed-panel-choices.js';
import {changedLines} from '../../demo/client/embed-panel-diff.js';
import {pageCode} from '../../demo/client/embed-panel-page-code.js';
import {serverCode} from '../../demo/client/embed-panel-server-code.js';

const plain: EmbedChoices = {
  resource: {type: 'dashboard', id: 1},
  endpoint: '/api/metabase/embed',
  filters: [
    {slug: 'category', mode: 'visitor', value: ''},
    {slug: 'created_at', mode: 'visitor', value: ''},
  ],
  session: {slug: 'tenant', example: 'Acme'},
  appearance: {theme: 'light', bordered: true, titled: true, downloads: true},
  expiresIn: 600,
};

/** The category set by the page, the date range locked by the server, a night theme without title. */
const rich: EmbedChoices = {
  ...plain,
  filters: [
    {slug: 'category', mode: 'page', value: 'Gizmo'},
    {slug: 'created_at', mode: 'server', value: '2024-01-01~2024-03-31'},
  ],
  appearance: {theme: 'night', bordered: true, titled: false, downloads: true},
  expiresIn: 120,
};

const withFilters = (filters: EmbedChoices['filters']): EmbedChoices => ({...plain, filters});

describe('tagAttributes', () => {
  const cases: [string, EmbedChoices, [string, string][]][] = [
    [
      "Metabase's defaults: only the item and the endpoint",
      plain,
      [
        ['dashboard', '1'],
        ['endpoint', '/api/metabase/embed'],
      ],
    ],
    [
      'a page value is a param-* attribute; a server value is not on the tag',
      rich,
      [
        ['dashboard', '1'],
        ['endpoint', '/api/metabase/embed'],
        ['param-category', 'Gizmo'],
        ['theme', 'night'],
        ['titled', 'false'],
      ],
    ],
    [
      "the visitor's initial values are initial-params, as JSON",
      withFilters([
        {slug: 'category', mode: 'visitor', value: 'Widget'},
        {slug: 'created_at', mode: 'visitor', value: '2024-01-01~'},
      ]),
      [
        ['dashboard', '1'],
        ['endpoint', '/api/metabase/embed'],
        ['initial-params', '{"category":"Widget","created_at":"2024-01-01~"}'],
      ],
    ],
    [
      'a page filter without a value sets nothing',
      withFilters([{slug: 'category', mode: 'page', value: ''}]),
      [
        ['dashboard', '1'],
        ['endpoint', '/api/metabase/embed'],
      ],
    ],
    [
      'a question by entity id, with every appearance option off',
      {
        ...plain,
        resource: {type: 'question', id: 'MonthlyRevenueQ000301'},
        appearance: {theme: 'transparent', bordered: false, titled: false, downloads: false},
      },
      [
        ['question', 'MonthlyRevenueQ000301'],
        ['endpoint', '/api/metabase/embed'],
        ['theme', 'transparent'],
        ['bordered', 'false'],
        ['titled', 'false'],
        ['downloads', 'false'],
      ],
    ],
  ];
  for (const [name, choices, expected] of cases) {
    test(name, () => assert.deepEqual(tagAttributes(choices), expected));
  }
});

describe('pageCode', () => {
  test('HTML: one attribute a line', () => {
    assert.equal(
      pageCode('html', rich),
      `<metabase-embed
  dashboard="1"
  endpoint="/api/metabase/embed"
  param-category="Gizmo"
  theme="night"
  titled="false"
></metabase-embed>`,
    );
  });

  test('HTML: JSON goes in single quotes, and & and quotes are escaped', () => {
    const code = pageCode(
      'html',
      withFilters([
        {slug: 'category', mode: 'visitor', value: `Tom's "best" & co`},
        {slug: 'created_at', mode: 'page', value: 'a "b" & c'},
      ]),
    );
    assert.match(code, /^ {2}param-created_at='a "b" &amp; c'$/m);
    assert.match(code, /^ {2}initial-params='\{"category":"Tom&#39;s \\"best\\" &amp; co"\}'$/m);
  });

  test("ERB: the page's values are Ruby locals in single quotes (no interpolation)", () => {
    const code = pageCode('erb', withFilters([{slug: 'category', mode: 'page', value: "#{system('id')} it's"}]));
    assert.match(code, /^<% category = '#\{system\(\\'id\\'\)\} it\\'s' %>$/m);
    assert.match(code, /^ {2}param-category="<%= category %>"$/m);
  });

  test('Mustache: the view data in a comment, the value escaped by {{…}}', () => {
    const code = pageCode('mustache', rich);
    assert.match(code, /^\{\{! view: \{"category":"Gizmo"\} \}\}$/m);
    assert.match(code, /^ {2}param-category="\{\{category\}\}"$/m);
  });

  test('Pug: a variable for the page value, JavaScript strings for the rest', () => {
    assert.equal(
      pageCode('pug', rich),
      `- const category = "Gizmo"
metabase-embed(
  dashboard="1"
  endpoint="/api/metabase/embed"
  param-category=category
  theme="night"
  titled="false"
)`,
    );
  });

  test('JSX: a component whose props default to the page values; initial-params built with JSON.stringify', () => {
    const code = pageCode(
      'jsx',
      withFilters([
        {slug: 'created_at', mode: 'page', value: '2024-01-01~'},
        {slug: 'category', mode: 'visitor', value: 'Widget'},
      ]),
    );
    assert.match(code, /^export function MetabaseDashboard\(\{createdAt = "2024-01-01~"\}\) \{$/m);
    assert.match(code, /^ {6}param-created_at=\{createdAt\}$/m);
    assert.match(code, /^ {6}initial-params=\{JSON\.stringify\(\{category: "Widget"\}\)\}$/m);
    assert.match(code, /^ {4}><\/metabase-embed>$/m);
  });
});

describe('serverCode', () => {
  test('Node: the allow-list entry, editable slugs, locked values (session first) and lifetime', () => {
    const code = serverCode('node', rich);
    assert.match(code, /^ {6}"dashboard:1": \{$/m);
    assert.match(code, /^ {8}editable: \["category"\],$/m);
    assert.match(
      code,
      /^ {8}locked: \(context\) => \(\{tenant: context\.user\.tenant, created_at: "2024-01-01~2024-03-31"\}\),$/m,
    );
    assert.match(code, /^ {4}expiresIn: 120,$/m);
  });

  test('a server filter without a value locks "no filter" ([]) in every language', () => {
    const choices = withFilters([{slug: 'category', mode: 'server', value: ''}]);
    assert.match(
      serverCode('node', choices),
      /locked: \(context\) => \(\{tenant: context\.user\.tenant, category: \[\]\}\)/,
    );
    assert.match(serverCode('python', choices), /"category": \[\]/);
    assert.match(serverCode('ruby', choices), /'category' => \[\]/);
    assert.match(serverCode('clojure', choices), /"category" \[\]/);
  });

  test('Python, Ruby and Clojure carry the same item, slugs, values and lifetime', () => {
    const python = serverCode('python', rich);
    assert.match(python, /^RESOURCE = \{"dashboard": 1\}$/m);
    assert.match(python, /^EDITABLE = \["category"\]/m);
    assert.match(python, /return \{"tenant": user\["tenant"\], "created_at": "2024-01-01~2024-03-31"\}/);
    assert.match(python, /^EXPIRES_IN = 120$/m);
    const ruby = serverCode('ruby', rich);
    assert.match(ruby, /^RESOURCE = \{ 'dashboard' => 1 \}\.freeze$/m);
    assert.match(ruby, /'tenant' => user\['tenant'\], 'created_at' => '2024-01-01~2024-03-31'/);
    const clojure = serverCode('clojure', rich);
    assert.match(clojure, /^\(def embeddable \{"dashboard" 1\}\)$/m);
    assert.match(clojure, /^\(def editable #\{"category"\}\)/m);
    assert.match(clojure, /^\(def expires-in 120\)$/m);
    assert.match(clojure, /UNTESTED/);
  });

  test('an entity id is a string everywhere', () => {
    const question: EmbedChoices = {...plain, resource: {type: 'question', id: 'MonthlyRevenueQ000301'}};
    assert.match(serverCode('node', question), /"question:MonthlyRevenueQ000301": \{/);
    assert.match(serverCode('python', question), /RESOURCE = \{"question": "MonthlyRevenueQ000301"\}/);
    assert.match(serverCode('ruby', question), /RESOURCE = \{ 'question' => 'MonthlyRevenueQ000301' \}/);
    assert.match(serverCode('python', question), /\/embed\/question\/\{token\}/);
  });

  test('no session parameter: only the fixed locked values', () => {
    const noSession: EmbedChoices = {...rich, session: undefined};
    assert.match(serverCode('node', noSession), /locked: \(context\) => \(\{created_at: "2024-01-01~2024-03-31"\}\)/);
    assert.match(serverCode('python', noSession), /return \{"created_at": "2024-01-01~2024-03-31"\}/);
  });
});

describe('changedLines', () => {
  const cases: [string, string, string, boolean[]][] = [
    ['no change', 'a\nb\nc', 'a\nb\nc', [false, false, false]],
    ['one line edited', 'a\nb\nc', 'a\nB\nc', [false, true, false]],
    ['a line added', 'a\nc', 'a\nb\nc', [false, true, false]],
    ['a line removed marks nothing', 'a\nb\nc', 'a\nc', [false, false]],
    ['a repeated line keeps its place', 'x\ny\nx', 'x\nx\ny\nx', [false, true, false, false]],
    ['everything new', 'a', 'b\nc', [true, true]],
  ];
  for (const [name, before, after, expected] of cases) {
    test(name, () => assert.deepEqual(changedLines(before, after), expected));
  }
});
