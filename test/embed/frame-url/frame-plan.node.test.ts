import {test} from 'node:test';
import assert from 'node:assert/strict';
import {type FramePlanInput, planFrame} from '../../../src/embed/frame-url.js';
import type {EmbedTarget} from '../../../src/embed/token-answer.js';

const base = 'https://mb.example/embed/dashboard/h.p.s';
const target = (params: Record<string, string> = {}): EmbedTarget => ({
  baseUrl: base,
  origin: 'https://mb.example',
  token: 'h.p.s',
  claims: {resource: {dashboard: 1}, params},
});
const plain: FramePlanInput = {target: target(), renewal: false, hash: '', initialParams: {}, visitorParams: {}};

const urls: Array<{name: string; input: Partial<FramePlanInput>; url: string}> = [
  {name: 'nothing but the token', input: {}, url: base},
  {name: 'a hash', input: {hash: 'theme=night'}, url: `${base}#theme=night`},
  {
    name: 'initial values and a hash',
    input: {initialParams: {a: ['1', '2']}, hash: 'bordered=false'},
    url: `${base}?a=1&a=2#bordered=false`,
  },
  {
    name: "the visitor's choice over the initial value",
    input: {initialParams: {a: '1', b: '2'}, visitorParams: {a: '9'}},
    url: `${base}?a=9&b=2`,
  },
  {
    name: 'a slug the token sets is dropped',
    input: {target: target({locked: 'x'}), initialParams: {a: '1', locked: 'y'}, visitorParams: {locked: 'z'}},
    url: `${base}?a=1`,
  },
  {
    name: 'a dashboard tab, after the filters (where Metabase writes it)',
    input: {initialParams: {a: '1'}, tab: '32-product-details', hash: 'titled=false'},
    url: `${base}?a=1&tab=32-product-details#titled=false`,
  },
];
for (const {name, input, url} of urls) {
  test(`frame URL with ${name}`, () => {
    assert.equal(planFrame({...plain, ...input}).url, url);
  });
}

const keys: Array<{name: string; other: Partial<FramePlanInput>; same: boolean}> = [
  {name: "the visitor's choices", other: {visitorParams: {a: '9'}}, same: true},
  {name: 'initial values in another key order', other: {initialParams: {b: 2, a: 1}}, same: true},
  {name: 'a renewal', other: {renewal: true}, same: true},
  {name: 'another appearance', other: {hash: 'theme=night'}, same: false},
  {name: 'other initial values', other: {initialParams: {a: 2, b: 2}}, same: false},
  {name: "the visitor's tab", other: {tab: '32'}, same: true},
  {name: 'another tab attribute', other: {tab: '32', initialTab: '32'}, same: false},
];
for (const {name, other, same} of keys) {
  test(`the key ${same ? 'stays' : 'changes'} with ${name}`, () => {
    const first = planFrame({...plain, initialParams: {a: 1, b: 2}});
    const second = planFrame({...plain, initialParams: {a: 1, b: 2}, ...other});
    assert.equal(first.key === second.key, same);
  });
}

test('the plan carries the token by identity and the renewal flag', () => {
  const renewed = target();
  const plan = planFrame({...plain, target: renewed, renewal: true});
  assert.equal(plan.target, renewed);
  assert.equal(plan.renewal, true);
});
