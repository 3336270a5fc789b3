import {test} from 'node:test';
import assert from 'node:assert/strict';
import {resourceFromClaim} from '../../../src/embed/token-answer.js';
import {describeResource, parseResourceId, resourceFromAttributes} from '../../../src/embed/token-request.js';

const entityId = 'Abc_def-GHIjklMNOpqrs'; // 21 characters

const ids: Array<[string, number | string | undefined]> = [
  ['12', 12],
  [' 7 ', 7],
  ['1', 1],
  [entityId, entityId],
  ['0', undefined],
  ['-3', undefined],
  ['012', undefined],
  ['1.5', undefined],
  ['1e3', undefined],
  ['99999999999999999999', undefined],
  ['', undefined],
  [`${entityId}x`, undefined],
  ['Abc def-GHIjklMNOpqrs', undefined],
];
for (const [text, expected] of ids) {
  test(`resource id ${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
    assert.equal(parseResourceId(text), expected);
  });
}

const attributes: Array<[string | null, string | null, object]> = [
  ['12', null, {resource: {dashboard: 12}}],
  [null, entityId, {resource: {question: entityId}}],
  [null, null, {problem: /either the "dashboard" or the "question"/}],
  ['12', '3', {problem: /only one of/}],
  ['twelve', null, {problem: /"dashboard" attribute must be a positive integer id or a 21-character entity id/}],
  [null, '-1', {problem: /"question" attribute must be/}],
];
for (const [dashboard, question, expected] of attributes) {
  test(`dashboard=${JSON.stringify(dashboard)} question=${JSON.stringify(question)}`, () => {
    const result = resourceFromAttributes(dashboard, question);
    if ('problem' in expected) {
      assert.ok('problem' in result);
      assert.match(result.problem, expected.problem as RegExp);
    } else {
      assert.deepEqual(result, expected);
    }
  });
}

const claims: Array<[unknown, unknown]> = [
  [{dashboard: 12}, {dashboard: 12}],
  [{dashboard: '12'}, {dashboard: 12}],
  [{question: entityId}, {question: entityId}],
  [{dashboard: 0}, undefined],
  [{dashboard: 1, question: 2}, undefined],
  [{card: 1}, undefined],
  [[12], undefined],
  ['dashboard', undefined],
  [null, undefined],
];
for (const [claim, expected] of claims) {
  test(`resource claim ${JSON.stringify(claim)} → ${JSON.stringify(expected)}`, () => {
    assert.deepEqual(resourceFromClaim(claim), expected);
  });
}

test('describeResource names the kind and the id', () => {
  assert.equal(describeResource({dashboard: 12}), 'Metabase dashboard 12');
  assert.equal(describeResource({question: entityId}), `Metabase question ${entityId}`);
});
