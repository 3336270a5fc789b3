// The pure functions that key anything by a slug from a URL, an attribute or a token, with
// slugs named after Object.prototype's members: each gives exactly the own slugs it was
// handed, as own properties, and a URL built from them carries them as text.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {paramsFromSearch} from '../../src/embed/frame-messages.js';
import {queryFromParams} from '../../src/embed/frame-url.js';
import {paramsFromAttributes} from '../../src/embed/token-request.js';
import {userParamsFromQuery, validateAndMergeParams, withDefaults} from '../../emulator/src/rules/param-merge.js';
import {parseHash} from '../../emulator/src/page/client/hash-options.js';
import {paramsModel, prototypeSnapshot, slugArbitrary} from '../support/suspect-keys.js';

const untouched = prototypeSnapshot();
after(() => assert.equal(prototypeSnapshot(), untouched, 'Object.prototype gained or lost a member'));

const value = fc.constantFrom('Widget', '1', 'a&b=c');
const pairs = fc.array(fc.tuple(slugArbitrary, value), {minLength: 1, maxLength: 6});

const ownEntries = (record: object) => new Map(Object.entries(record));
const search = (entries: readonly (readonly [string, string])[]) =>
  new URLSearchParams(entries.map(([s, v]) => [s, v]));

test('the element: paramsFromSearch gives the own slugs of an embed’s location (property)', () => {
  fc.assert(
    fc.property(pairs, (entries) => {
      const params = paramsFromSearch(`?${search(entries)}`);
      assert.equal(Object.getPrototypeOf(params), Object.prototype);
      assert.deepEqual(ownEntries(params), paramsModel(entries));
    }),
  );
});

test('the element: param-<slug> attributes give the own slugs, the last one winning (property)', () => {
  fc.assert(
    fc.property(pairs, (entries) => {
      const result = paramsFromAttributes(entries.map(([slug, text]) => ({name: `param-${slug}`, value: text})));
      assert.ok('params' in result, JSON.stringify(result));
      assert.deepEqual(ownEntries(result.params), new Map(entries));
    }),
  );
});

test('the element: a query string built from suspect slugs reads back the same, as text (property)', () => {
  fc.assert(
    fc.property(pairs, (entries) => {
      const query = queryFromParams(Object.fromEntries(paramsModel(entries)));
      assert.doesNotMatch(query, /function|native/);
      assert.deepEqual(paramsModel([...new URLSearchParams(query)]), paramsModel(entries));
    }),
  );
});

test('the emulator: userParamsFromQuery and the parameter rules see only the own slugs (property)', () => {
  fc.assert(
    fc.property(pairs, (entries) => {
      const user = userParamsFromQuery(search(entries));
      assert.deepEqual(ownEntries(user), paramsModel(entries));
      // Every slug enabled and none in the token: the merge is the visitor's values, as given.
      const enabled = Object.fromEntries([...paramsModel(entries).keys()].map((slug) => [slug, 'enabled' as const]));
      const merged = validateAndMergeParams(enabled, {}, user);
      assert.deepEqual(ownEntries(merged), paramsModel(entries));
      // A default fills a slug the merge lacks, and only that slug.
      const withDefault = withDefaults({}, [{slug: entries[0]![0], default: 'd'}]);
      assert.deepEqual(ownEntries(withDefault), new Map([[entries[0]![0], 'd']]));
    }),
  );
});

test('the emulator’s page: parseHash gives the own keys of the embed URL’s hash (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(slugArbitrary, fc.constantFrom('x', 'y')), {minLength: 1, maxLength: 6}),
      (entries) => {
        assert.deepEqual(ownEntries(parseHash(`#${search(entries)}`)), paramsModel(entries));
      },
    ),
  );
});
