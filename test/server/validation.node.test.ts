// Table tests for the pure validators: each refusal names the field and what it allows.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {EmbedValidationError} from '../../src/server/validation-error.js';
import {parseResource, parseResourceKey} from '../../src/server/token-resource.js';
import {parseParams} from '../../src/server/token-params.js';
import {parseExpiresIn, parseSecretKey, parseSiteUrl} from '../../src/server/config.js';
import {SECRET} from './support.js';

const ENTITY_ID = 'Xa_3-9kQpL0mNoPqRsTuV';

function refusal(run: () => unknown): EmbedValidationError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof EmbedValidationError, `expected EmbedValidationError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a refusal');
}

describe('parseResource', () => {
  const accepted: [unknown, unknown][] = [
    [{dashboard: 12}, {type: 'dashboard', id: 12}],
    [{question: 7}, {type: 'question', id: 7}],
    [{dashboard: '12'}, {type: 'dashboard', id: 12}],
    [{question: ENTITY_ID}, {type: 'question', id: ENTITY_ID}],
    [{dashboard: '123456789012345678901'}, {type: 'dashboard', id: '123456789012345678901'}],
  ];
  for (const [input, expected] of accepted) {
    test(`accepts ${JSON.stringify(input)}`, () => assert.deepEqual(parseResource(input), expected));
  }

  const refused: [unknown, RegExp][] = [
    [null, /^resource must be an object like \{"dashboard": 12\}.*got null$/],
    [[12], /resource must be an object.*got an array/],
    [{}, /exactly one key, "dashboard" or "question"; found none/],
    [{card: 1}, /found "card"/],
    [{document: 1}, /^resource must have exactly one key, "dashboard" or "question"; found "document"$/],
    [{question: 1, document: 2}, /found "question", "document"$/],
    [{dashboard: 1, question: 2}, /found "dashboard", "question"/],
    [{dashboard: 0}, /resource\.dashboard must be a positive integer or a 21-character entity id.*got 0$/],
    [{dashboard: -3}, /resource\.dashboard .* got -3$/],
    [{dashboard: 1.5}, /got 1\.5$/],
    [{dashboard: '012'}, /got "012"$/],
    [{dashboard: '12abc'}, /got "12abc"$/],
    [{question: 'short-id'}, /resource\.question .*got "short-id"$/],
    [{question: `${ENTITY_ID.slice(1)}!`}, /resource\.question/],
    [{dashboard: 2 ** 60}, /resource\.dashboard/],
    [{dashboard: true}, /got true$/],
  ];
  for (const [input, message] of refused) {
    test(`refuses ${JSON.stringify(input)}`, () => {
      const error = refusal(() => parseResource(input));
      assert.match(error.message, message);
      assert.match(error.field, /^resource/);
    });
  }
});

describe('parseResourceKey', () => {
  test('reads "dashboard:12" and "question:<entity id>"', () => {
    assert.deepEqual(parseResourceKey('dashboard:12', 'resources'), {type: 'dashboard', id: 12});
    assert.deepEqual(parseResourceKey(`question:${ENTITY_ID}`, 'resources'), {type: 'question', id: ENTITY_ID});
  });
  for (const key of ['dashboard', 'card:1', 'document:1', 'dashboard:0', 'dashboard:', 'question:abc']) {
    test(`refuses ${JSON.stringify(key)}`, () => {
      assert.match(refusal(() => parseResourceKey(key, 'resources')).message, /^resources/);
    });
  }
  test('refuses "dashboard:012", naming the key and the rule', () => {
    // Requests resolve to "dashboard:12", so a key spelled otherwise could never match.
    assert.equal(
      refusal(() => parseResourceKey('dashboard:012', 'resources')).message,
      'resources: key "dashboard:012" must be "dashboard:<id>" or "question:<id>", with <id> a positive integer or a 21-character entity id (A-Z a-z 0-9 _ -) written without leading zeros',
    );
  });
});

describe('parseParams', () => {
  test('accepts scalars, arrays of scalars, the empty array and null ("no value")', () => {
    const params = {category: 'Widget', id: 3, on: false, many: ['a', 1, true], none: [], cleared: null};
    assert.deepEqual(parseParams(params), params);
  });

  test('copies, so later changes to the input do not reach the token', () => {
    const list = ['a'];
    const parsed = parseParams({list});
    list.push('b');
    assert.deepEqual(parsed, {list: ['a']});
  });

  test('keeps a "__proto__" slug as a plain key', () => {
    const parsed = parseParams(JSON.parse('{"__proto__": "x"}') as unknown);
    assert.ok(Object.hasOwn(parsed, '__proto__'));
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  });

  const refused: [string, unknown, RegExp][] = [
    ['an array', ['a'], /^params must be an object mapping filter slugs to values, got an array$/],
    ['null', null, /got null$/],
    ['a nested object', {tenant: {id: 1}}, /^params\.tenant .*got an object$/],
    [
      'null inside an array',
      {tenant: ['a', null]},
      /^params\.tenant\[1\] must be a string, a finite number or a boolean, got null$/,
    ],
    [
      'a nested array',
      {tenant: [[1]]},
      /^params\.tenant\[0\] must be a string, a finite number or a boolean, got an array$/,
    ],
    ['NaN', {n: Number.NaN}, /^params\.n .*got NaN$/],
    ['Infinity', {n: Infinity}, /^params\.n .*got Infinity$/],
    ['undefined', {n: undefined}, /^params\.n .*got undefined$/],
    ['an empty slug', {'': 1}, /^params has an empty slug$/],
  ];
  for (const [name, input, message] of refused) {
    test(`refuses ${name}`, () => assert.match(refusal(() => parseParams(input)).message, message));
  }
});

describe('parseSecretKey', () => {
  test('accepts 64 hex characters, in either case', () => {
    assert.equal(parseSecretKey(SECRET), SECRET);
    assert.equal(parseSecretKey(SECRET.toUpperCase()), SECRET.toUpperCase());
  });
  const refused: [string, unknown, RegExp][] = [
    ['63 characters', SECRET.slice(1), /got 63 characters$/],
    ['65 characters', `${SECRET}0`, /got 65 characters$/],
    ['a trailing newline', `${SECRET.slice(1)}\n`, /got 64 characters including characters outside 0-9 a-f$/],
    ['a non-hex letter', `g${SECRET.slice(1)}`, /including characters outside 0-9 a-f$/],
    ['a number', 42, /got number$/],
    ['undefined', undefined, /got undefined$/],
  ];
  for (const [name, input, message] of refused) {
    test(`refuses ${name} without echoing it`, () => {
      const error = refusal(() => parseSecretKey(input));
      assert.match(error.message, /^secretKey must be Metabase's embedding secret key: 64 hexadecimal characters/);
      assert.match(error.message, message);
      if (typeof input === 'string') assert.ok(!error.message.includes(input.slice(1, 20)));
    });
  }
});

describe('parseSiteUrl', () => {
  const accepted: [string, string][] = [
    ['https://metabase.example.com', 'https://metabase.example.com'],
    ['https://metabase.example.com/', 'https://metabase.example.com'],
    ['http://127.0.0.1:3000//', 'http://127.0.0.1:3000'],
    ['https://example.com/metabase/', 'https://example.com/metabase'],
  ];
  for (const [input, expected] of accepted) {
    test(`${input} → ${expected}`, () => assert.equal(parseSiteUrl(input), expected));
  }
  const refused: [string, unknown, RegExp][] = [
    ['a relative path', '/metabase', /^siteUrl must be an absolute http\(s\) URL.*could not be parsed/],
    ['javascript:', 'javascript:alert(1)', /its scheme is javascript:$/],
    ['ftp:', 'ftp://example.com', /its scheme is ftp:$/],
    ['credentials', 'https://admin:hunter2@example.com', /^siteUrl must not contain a user name or password$/],
    ['a query', 'https://example.com/?a=1', /must not have a query string or a fragment/],
    ['a fragment', 'https://example.com/#x', /must not have a query string or a fragment/],
    ['a number', 3000, /got 3000$/],
  ];
  for (const [name, input, message] of refused) {
    test(`refuses ${name}`, () => assert.match(refusal(() => parseSiteUrl(input)).message, message));
  }
});

describe('parseExpiresIn', () => {
  for (const seconds of [1, 600, 86400]) {
    test(`accepts ${seconds}`, () => assert.equal(parseExpiresIn(seconds), seconds));
  }
  for (const input of [0, -1, 86401, 1.5, Number.NaN, '600']) {
    test(`refuses ${JSON.stringify(input) ?? String(input)}`, () => {
      assert.match(
        refusal(() => parseExpiresIn(input)).message,
        /^expiresIn must be a whole number of seconds from 1 to 86400 \(24 h\), got /,
      );
    });
  }
});
