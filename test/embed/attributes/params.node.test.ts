import {test} from 'node:test';
import assert from 'node:assert/strict';
import {canonicalJson, parseJsonAttribute, validateParams} from '../../../src/embed/attributes.js';
import {paramsFromSearch, tabFromSearch} from '../../../src/embed/frame-messages.js';
import {queryFromParams} from '../../../src/embed/frame-url.js';
import {mergeParams, paramsFromAttributes} from '../../../src/embed/token-request.js';

const objects: Array<[string | null, object]> = [
  [null, {params: {}}],
  ['{}', {params: {}}],
  ['{"category":"Gizmo"}', {params: {category: 'Gizmo'}}],
  ['{"id":[1,2],"on":true,"n":3.5,"none":[]}', {params: {id: [1, 2], on: true, n: 3.5, none: []}}],
  ['{"category":', {problem: /"params" must be a JSON object .* is not JSON/}],
  ['[1,2]', {problem: /"params" must be a JSON object of filter slug → value; got \[1,2\]/}],
  ['"Gizmo"', {problem: /must be a JSON object/}],
  [
    '{"a":{"b":1}}',
    {
      problem:
        /"params" value for "a" must be a string, a number, a boolean, null, or an array of strings, numbers and booleans/,
    },
  ],
  ['{"a":[[1]]}', {problem: /value for "a"/}],
  ['{"a":null}', {params: {a: null}}],
  ['{"a":[null]}', {problem: /value for "a"/}],
  ['{"":1}', {problem: /empty filter slug/}],
];
for (const [text, expected] of objects) {
  test(`params=${text === null ? '(absent)' : text}`, () => {
    const result = validateParams(parseJsonAttribute(text), 'params');
    if ('problem' in expected) {
      assert.ok('problem' in result, JSON.stringify(result));
      assert.match(result.problem, expected.problem as RegExp);
    } else {
      assert.deepEqual(result, expected);
    }
  });
}

const attributeSets: Array<[Record<string, string>, object]> = [
  [{'param-category': 'Gizmo'}, {params: {category: 'Gizmo'}}],
  [{'param-id': '12'}, {params: {id: '12'}}],
  [{'param-state': '["CA","NY"]'}, {params: {state: ['CA', 'NY']}}],
  [{'param-state': '[]'}, {params: {state: []}}],
  [{'param-note': 'a [bracket] later'}, {params: {note: 'a [bracket] later'}}],
  [{'param-state': '["CA",'}, {problem: /"param-state" starts with "\[" so it must be a JSON array/}],
  [{'param-state': '[{"a":1}]'}, {problem: /"param-state"/}],
  [{'param-': 'x'}, {problem: /"param-" needs a filter slug/}],
  [{dashboard: '12', title: 'x'}, {params: {}}],
];
for (const [attributes, expected] of attributeSets) {
  test(`attributes ${JSON.stringify(attributes)}`, () => {
    const result = paramsFromAttributes(Object.entries(attributes).map(([name, value]) => ({name, value})));
    if ('problem' in expected) {
      assert.ok('problem' in result, JSON.stringify(result));
      assert.match(result.problem, expected.problem as RegExp);
    } else {
      assert.deepEqual(result, expected);
    }
  });
}

test('param-* wins over params on the same slug; both merge', () => {
  assert.deepEqual(mergeParams({a: '1', b: '2'}, {b: '3', c: ['4']}), {a: '1', b: '3', c: ['4']});
});

const canonical: Array<[unknown, unknown, boolean]> = [
  [{a: 1, b: [2, 3]}, {b: [2, 3], a: 1}, true],
  [{a: 1}, {a: '1'}, false],
  [{a: [1, 2]}, {a: [2, 1]}, false],
  [{a: {y: 1, x: 2}}, {a: {x: 2, y: 1}}, true],
];
for (const [left, right, same] of canonical) {
  test(`canonicalJson ${JSON.stringify(left)} ${same ? '==' : '!='} ${JSON.stringify(right)}`, () => {
    assert.equal(canonicalJson(left) === canonicalJson(right), same);
  });
}

const queries: Array<[Record<string, string | number | boolean | null | Array<string | number | boolean>>, string]> = [
  [{}, ''],
  [{category: 'Gizmo'}, 'category=Gizmo'],
  [{breakfast: ['Scrambled_eggs', 'Bacon']}, 'breakfast=Scrambled_eggs&breakfast=Bacon'],
  [{q: 'a b&c=d'}, 'q=a%20b%26c%3Dd'],
  [{n: 3, on: false}, 'n=3&on=false'],
  [{none: []}, ''],
  [{cleared: null, category: 'Gizmo'}, 'cleared=&category=Gizmo'], // Metabase: an empty value clears the default
];
for (const [params, expected] of queries) {
  test(`query of ${JSON.stringify(params)} is ${JSON.stringify(expected)}`, () => {
    assert.equal(queryFromParams(params), expected);
  });
}

const searches: Array<[string, object]> = [
  ['', {}],
  ['?category=Gizmo', {category: 'Gizmo'}],
  ['?a=1&a=2&b=x', {a: ['1', '2'], b: 'x'}],
  ['?a=1&a=2&a=3', {a: ['1', '2', '3']}],
  ['?q=a%20b+c', {q: 'a b c'}],
  ['category=Widget', {category: 'Widget'}],
  // Metabase's open dashboard tab is not a filter value.
  ['?tab=32-product-details&category=Gizmo', {category: 'Gizmo'}],
];
for (const [search, expected] of searches) {
  test(`location.search ${JSON.stringify(search)} → ${JSON.stringify(expected)}`, () => {
    assert.deepEqual(paramsFromSearch(search), expected);
  });
}

for (const [search, tab] of [
  ['?tab=32-product-details&category=Gizmo', '32-product-details'],
  ['?category=Gizmo', null],
  ['?tab=', null],
] as const) {
  test(`the tab of location.search ${JSON.stringify(search)} is ${JSON.stringify(tab)}`, () => {
    assert.equal(tabFromSearch(search), tab);
  });
}
