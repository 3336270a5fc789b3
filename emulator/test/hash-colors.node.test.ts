// The colour overrides of emulator/README.md#urls: which hash values the page reads, the CSS
// variables they set, and what open source does with them.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {appearanceFrom, colorVariables, parseHash} from '../src/page/client/hash-options.js';
import {appearanceOnPlan, planNotes} from '../src/page/client/plan-options.js';

const colors = (hash: string) => appearanceFrom(parseHash(hash), true).colors;
const variables = (hash: string, resource: 'dashboard' | 'question' = 'dashboard') =>
  Object.fromEntries(colorVariables(appearanceFrom(parseHash(hash), true), resource));

describe('colour hash options', () => {
  const cases: [string, Record<string, string>][] = [
    ['#primary-color=%23509EE3', {'primary-color': '#509ee3'}],
    ['#primary_color=%23509EE3', {'primary-color': '#509ee3'}], // the underscore spelling
    ['#primary-color=%23111&primary_color=%23222', {'primary-color': '#111'}], // the hyphen wins
    ['#card-bg-color=%23fff&border-color=%23ABCDEF', {'card-bg-color': '#fff', 'border-color': '#abcdef'}],
    ['#background-color=%23000', {'background-color': 'transparent'}],
    ['#background-color=%23000000', {'background-color': 'transparent'}],
    ['#text-primary-color=%23000001', {'text-primary-color': '#000001'}],
    ['#primary-color=%23ff0000&primary-color=%2300ff00', {'primary-color': '#00ff00'}], // the last one, as other options
    ['#primary-color=red', {}], // hex only
    ['#primary-color=%2312345', {}],
    ['#primary-color=%23ff0000ff', {}],
    ['#primary-color=ff0000', {}],
    ['#primary-color=123456', {}], // a number, not a colour
    ['#primary-color', {}],
    ['#primary-color=%23fff%3Bcolor:red', {}],
  ];
  for (const [hash, expected] of cases) test(hash, () => assert.deepEqual(colors(hash), expected));
});

describe('colorVariables', () => {
  test('each option sets its variable of the page', () => {
    const hash =
      '#primary-color=%23010101&secondary-color=%23020202&background-color=%23030303&text-primary-color=%23040404' +
      '&text-secondary-color=%23050505&border-color=%23060606&card-bg-color=%23070707';
    assert.deepEqual(variables(hash), {
      '--mb-accent': '#010101',
      '--mb-secondary': '#020202',
      '--mb-bg': '#030303',
      '--mb-text': '#040404',
      '--mb-text-muted': '#050505',
      '--mb-border': '#060606',
      '--mb-card-bg': '#070707',
    });
  });
  test('dashboard-bg-color wins over background-color on a dashboard, and does nothing on a question', () => {
    const hash = '#dashboard-bg-color=%23abcdef&background-color=%23123456';
    assert.deepEqual(variables(hash, 'dashboard'), {'--mb-bg': '#abcdef'});
    assert.deepEqual(variables(hash, 'question'), {'--mb-bg': '#123456'});
  });
  test('a page without background keeps its backgrounds transparent; text colours still apply', () => {
    const hash = '#background-color=%23123456&card-bg-color=%23fff&text-primary-color=%23222';
    assert.deepEqual(variables(`${hash}&background=false`), {'--mb-text': '#222'});
    assert.deepEqual(variables(`${hash}&theme=transparent`), {'--mb-text': '#222'});
  });
});

describe('plans: colours are paid-plan options', () => {
  const options = parseHash('#primary-color=%23509EE3&card_bg_color=%23fff&theme=night');
  const paid = appearanceFrom(options, true);
  test('pro applies them, with no note', () => {
    assert.deepEqual(appearanceOnPlan(paid, 'pro').colors, {'primary-color': '#509ee3', 'card-bg-color': '#fff'});
    assert.deepEqual(planNotes(options, 'pro'), []);
  });
  test('open source ignores them, with one console note per option as written', () => {
    assert.deepEqual(appearanceOnPlan(paid, 'oss'), {...paid, colors: {}});
    assert.deepEqual(planNotes(options, 'oss'), [
      'The primary-color=#509EE3 option is ignored: custom colours in static embeds need a paid plan (Pro or Enterprise).',
      'The card_bg_color=#fff option is ignored: custom colours in static embeds need a paid plan (Pro or Enterprise).',
    ]);
  });
});
