import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseJsonAttribute, parseNumberAttribute} from '../../src/embed/attribute-values.js';
import {readConfiguration, readTimeoutMs, type ConfigurationInput} from '../../src/embed/configuration.js';

const page = 'http://localhost:8000/app/page.html';

function configure(attributes: Record<string, string>, extra: Partial<ConfigurationInput> = {}) {
  const warnings: string[] = [];
  const result = readConfiguration(
    {
      dashboard: attributes.dashboard ?? null,
      question: attributes.question ?? null,
      endpoint: attributes.endpoint ?? null,
      credentials: attributes.credentials,
      siteUrl: attributes['site-url'] ?? null,
      params: parseJsonAttribute(attributes.params ?? null),
      attributes: Object.entries(attributes).map(([name, value]) => ({name, value})),
      baseUrl: page,
      ...extra,
    },
    (message) => warnings.push(message),
  );
  return {result, warnings};
}

const problems: Array<[Record<string, string>, RegExp]> = [
  [{endpoint: '/sign'}, /either the "dashboard" or the "question"/],
  [{dashboard: '1', question: '2', endpoint: '/sign'}, /only one of/],
  [{dashboard: 'x', endpoint: '/sign'}, /"dashboard" attribute must be a positive integer/],
  [{dashboard: '12'}, /Set the "endpoint" attribute/],
  [{dashboard: '12', endpoint: 'javascript:alert(1)'}, /"endpoint" must be an http\(s\) URL/],
  [{dashboard: '12', endpoint: '/sign', params: '{oops'}, /"params" must be a JSON object/],
  [{dashboard: '12', endpoint: '/sign', 'param-state': '[1,'}, /"param-state" starts with "\["/],
  [
    {dashboard: '12', endpoint: '/sign', 'site-url': 'metabase.example.com'},
    /"site-url" must be an absolute http\(s\) URL/,
  ],
];
for (const [attributes, expected] of problems) {
  test(`configuration error for ${JSON.stringify(attributes)}`, () => {
    const {result} = configure(attributes);
    assert.ok('problem' in result);
    assert.match(result.problem, expected);
  });
}

test('a relative endpoint resolves against the page; params and param-* merge', () => {
  const {result, warnings} = configure({
    dashboard: '12',
    endpoint: '../api/sign',
    params: '{"a":"1","b":"2"}',
    'param-b': '3',
  });
  assert.ok('configuration' in result);
  assert.deepEqual(result.configuration.body, {resource: {dashboard: 12}, params: {a: '1', b: '3'}});
  assert.deepEqual(result.configuration.source, {
    endpoint: 'http://localhost:8000/api/sign',
    credentials: 'same-origin',
  });
  assert.deepEqual(warnings, []);
});

test('credentials="include" is kept; another value warns and falls back to same-origin', () => {
  const include = configure({dashboard: '1', endpoint: '/s', credentials: 'include'});
  assert.ok('configuration' in include.result);
  assert.equal(include.result.configuration.source.credentials, 'include');
  const odd = configure({dashboard: '1', endpoint: '/s', credentials: 'omit'});
  assert.ok('configuration' in odd.result);
  assert.equal(odd.result.configuration.source.credentials, 'same-origin');
  assert.deepEqual(odd.warnings, [
    '"credentials" must be one of "same-origin", "include"; got "omit". Using "same-origin".',
  ]);
});

test('fetchToken replaces the endpoint', () => {
  const fetchToken = async () => ({jwt: 'a.b.c'});
  const {result} = configure({dashboard: '1'}, {fetchToken});
  assert.ok('configuration' in result);
  assert.equal(result.configuration.source.fetchToken, fetchToken);
  assert.equal(result.configuration.source.endpoint, undefined);
});

test('the request key ignores key order but not values', () => {
  const key = (params: string) => {
    const {result} = configure({dashboard: '1', endpoint: '/s', params});
    assert.ok('configuration' in result);
    return result.configuration.key;
  };
  assert.equal(key('{"a":1,"b":2}'), key('{"b":2,"a":1}'));
  assert.notEqual(key('{"a":1}'), key('{"a":2}'));
});

const timeouts: Array<[string | null, number, boolean]> = [
  [null, 15_000, false],
  ['30', 30_000, false],
  ['0.5', 500, false],
  ['0', 15_000, true],
  ['-2', 15_000, true],
  ['later', 15_000, true],
  ['2147483', 2_147_483_000, false],
  ['2147484', 15_000, true], // past setTimeout's limit: it would fire at once
  ['Infinity', 15_000, true],
];
for (const [text, expected, warns] of timeouts) {
  test(`timeout=${JSON.stringify(text)} → ${expected} ms${warns ? ' with a warning' : ''}`, () => {
    const warnings: string[] = [];
    assert.equal(
      readTimeoutMs(parseNumberAttribute(text), (message) => warnings.push(message)),
      expected,
    );
    assert.equal(warnings.length, warns ? 1 : 0);
    if (warns) assert.match(warnings[0], /^"timeout" must be a positive number of seconds, at most 2147483; got /);
  });
}
