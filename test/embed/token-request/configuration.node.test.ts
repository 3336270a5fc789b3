import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseJsonAttribute} from '../../../src/embed/attributes.js';
import {type ConfigurationInput, readConfiguration} from '../../../src/embed/token-request.js';

const page = 'http://localhost:8000/app/page.html';

function configure(attributes: Record<string, string>, extra: Partial<ConfigurationInput> = {}) {
  const input: ConfigurationInput = {
    dashboard: attributes.dashboard ?? null,
    question: attributes.question ?? null,
    endpoint: attributes.endpoint ?? null,
    credentials: 'same-origin',
    siteUrl: attributes['site-url'] ?? null,
    attributes: Object.entries(attributes).map(([name, value]) => ({name, value})),
    ...extra,
  };
  const result = readConfiguration(input, parseJsonAttribute(attributes.params ?? null), page);
  return {result};
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
  const {result} = configure({
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
});

test('credentials="include" is kept', () => {
  const {result} = configure({dashboard: '1', endpoint: '/s'}, {credentials: 'include'});
  assert.ok('configuration' in result);
  assert.equal(result.configuration.source.credentials, 'include');
});

test('fetchToken replaces the endpoint', () => {
  const fetchToken = () => Promise.resolve({jwt: 'a.b.c'});
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
