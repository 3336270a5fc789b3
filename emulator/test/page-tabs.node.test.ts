// Dashboard tabs in the embed page's query string (emulator/README.md#tabs): the slug Metabase
// writes, the id it reads back, the tab a URL opens and the URL a tab gives. Table tests.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {selectedTab, tabForKey, tabIdFromSlug, tabSlug, withTab} from '../src/page/client/tabs.js';

const OVERVIEW = {id: 31, name: 'Overview'};
const DETAILS = {id: 32, name: 'Product Details'};
const TABS = [OVERVIEW, DETAILS];

describe('tabSlug: the id, then the name in lower case with hyphens for spaces', () => {
  for (const [tab, slug] of [
    [{id: 32, name: 'Product Details'}, '32-product-details'],
    [{id: 1, name: 'SoMe-TaB-NaMe'}, '1-some-tab-name'],
    [{id: 7, name: 'Q1 & Q2'}, '7-q1-&-q2'],
  ] as const)
    test(`${tab.id} "${tab.name}" → ${slug}`, () => assert.equal(tabSlug(tab), slug));
});

describe('tabIdFromSlug: the id before the first hyphen', () => {
  for (const [slug, id] of [
    ['32-product-details', 32],
    ['32', 32],
    ['32-', 32],
    ['x-32', null],
    ['32x', null],
    ['', null],
    [null, null],
  ] as const)
    test(`${JSON.stringify(slug)} → ${id}`, () => assert.equal(tabIdFromSlug(slug), id));
});

describe('selectedTab: the tab named, else the first', () => {
  for (const [search, id] of [
    ['?tab=32-product-details', 32],
    ['?tab=32', 32],
    ['?category=Gizmo&tab=31-overview', 31],
    ['', 31],
    ['?tab=99-gone', 31],
    ['?tab=', 31],
  ] as const)
    test(`${JSON.stringify(search)} → ${id}`, () => assert.equal(selectedTab(search, TABS)?.id, id));
  test('no tabs → null', () => assert.equal(selectedTab('?tab=1-x', []), null));
});

describe('withTab: writes the slug in place, or last; drops it with fewer than two tabs', () => {
  for (const [search, tab, count, expected] of [
    ['', DETAILS, 2, '?tab=32-product-details'],
    ['?category=Gizmo', OVERVIEW, 2, '?category=Gizmo&tab=31-overview'],
    ['?tab=31-overview&category=Gizmo', DETAILS, 2, '?tab=32-product-details&category=Gizmo'],
    ['?tab=31-overview&category=Gizmo', OVERVIEW, 1, '?category=Gizmo'],
    ['?tab=5', null, 0, ''],
  ] as const)
    test(`${JSON.stringify(search)} + ${tab?.id ?? 'none'} of ${count} → ${JSON.stringify(expected)}`, () =>
      assert.equal(withTab(search, tab, count), expected));
});

describe('tabForKey: arrows move to the next or previous tab, wrapping; Home and End to the ends', () => {
  const THIRD = {id: 33, name: 'Returns'};
  const three = [OVERVIEW, DETAILS, THIRD];
  for (const [key, current, expected] of [
    ['ArrowRight', OVERVIEW, DETAILS],
    ['ArrowRight', DETAILS, THIRD],
    ['ArrowRight', THIRD, OVERVIEW],
    ['ArrowLeft', DETAILS, OVERVIEW],
    ['ArrowLeft', OVERVIEW, THIRD],
    ['Home', THIRD, OVERVIEW],
    ['End', OVERVIEW, THIRD],
    ['End', THIRD, THIRD],
    ['Enter', OVERVIEW, null],
    ['ArrowDown', OVERVIEW, null],
    ['a', OVERVIEW, null],
  ] as const)
    test(`${key} on "${current.name}" → ${expected ? `"${expected.name}"` : 'nothing'}`, () =>
      assert.equal(tabForKey(key, three, current), expected));
  test('no tab selected: ArrowRight opens the first, ArrowLeft the last', () => {
    assert.equal(tabForKey('ArrowRight', three, null), OVERVIEW);
    assert.equal(tabForKey('ArrowLeft', three, null), THIRD);
  });
  test('no tabs: nothing', () => assert.equal(tabForKey('Home', [], null), null));
  test('a key named like an Object property is no key', () =>
    assert.equal(tabForKey('toString', three, OVERVIEW), null));
});
