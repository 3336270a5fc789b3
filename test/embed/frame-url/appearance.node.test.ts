import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseBooleanAttribute, parseNumberAttribute} from '../../../src/embed/attributes.js';
import type {ResourceKind} from '../../../src/embed/embed-types.js';
import {appearanceHash, type AppearanceInput} from '../../../src/embed/frame-url.js';

// [attributes as written, kind, expected hash, attributes warned about]. An invalid value is
// left out of the hash without a warning here: the element warns about it with every rule
// (ruleWarning, test/embed/attributes/attribute-rules.node.test.ts).
const cases: Array<[Record<string, string>, ResourceKind, string, string[]]> = [
  [{}, 'dashboard', '', []],
  [{bordered: ''}, 'dashboard', 'bordered=true', []],
  [{bordered: 'false', titled: 'false'}, 'dashboard', 'bordered=false&titled=false', []],
  [{titled: 'TRUE'}, 'dashboard', 'titled=true', []],
  [{bordered: 'no'}, 'dashboard', '', []],
  [{theme: 'night'}, 'dashboard', 'theme=night', []],
  [{theme: 'transparent'}, 'question', 'theme=transparent', []],
  [{theme: 'dark'}, 'dashboard', '', []],
  [{background: 'false'}, 'dashboard', 'background=false', []],
  [{refresh: '60'}, 'dashboard', 'refresh=60', []],
  [{refresh: '60'}, 'question', '', ['refresh']],
  [{refresh: '0'}, 'dashboard', '', []],
  [{refresh: '1.5'}, 'dashboard', '', []],
  [{refresh: 'soon'}, 'dashboard', '', []],
  [{font: 'Lato'}, 'dashboard', 'font=Lato', []],
  [{font: 'Open Sans'}, 'dashboard', 'font=Open%20Sans', []],
  [{font: ' '}, 'dashboard', '', []],
  [{'hide-parameters': 'category,state'}, 'dashboard', 'hide_parameters=category,state', []],
  [{'hide-parameters': 'category, state'}, 'dashboard', 'hide_parameters=category,state', []],
  [{'hide-parameters': 'a,,b'}, 'dashboard', '', []],
  [{'hide-parameters': 'a&b=c'}, 'dashboard', '', []],
  [{downloads: 'false'}, 'dashboard', 'downloads=false', []],
  [{downloads: 'pdf'}, 'dashboard', 'downloads=pdf', []],
  [{downloads: 'results,pdf'}, 'question', 'downloads=pdf,results', []],
  [{downloads: 'csv'}, 'dashboard', '', []],
  [{locale: 'pt-BR'}, 'dashboard', 'locale=pt-BR', []],
  [{locale: 'de'}, 'dashboard', 'locale=de', []],
  [{locale: 'german!'}, 'dashboard', '', []],
  [{theme: 'night', bordered: 'false', locale: 'de'}, 'dashboard', 'bordered=false&theme=night&locale=de', []],
  [{theme: 'neon', titled: 'false'}, 'dashboard', 'titled=false', []],
];

// The element's properties hold what its converters make of the attribute text.
function toInput(attributes: Record<string, string>): AppearanceInput {
  const text = (name: string) => attributes[name] ?? null;
  return {
    bordered: parseBooleanAttribute(text('bordered')),
    titled: parseBooleanAttribute(text('titled')),
    background: parseBooleanAttribute(text('background')),
    refresh: parseNumberAttribute(text('refresh')),
    theme: attributes.theme,
    font: attributes.font,
    hideParameters: attributes['hide-parameters'],
    downloads: attributes.downloads,
    locale: attributes.locale,
  };
}

for (const [attributes, kind, hash, warned] of cases) {
  const written =
    Object.entries(attributes)
      .map(([name, value]) => `${name}="${value}"`)
      .join(' ') || '(none)';
  test(`${kind} ${written} → #${hash}${warned.length ? ` and a warning about ${warned.join(', ')}` : ''}`, () => {
    const result = appearanceHash(toInput(attributes), kind);
    assert.equal(result.hash, hash);
    assert.deepEqual(
      result.warnings.map((warning) => warning.attribute),
      warned,
    );
    for (const warning of result.warnings)
      assert.ok(warning.message.includes(`"${warning.attribute}"`), warning.message);
  });
}

test('booleans and numbers set from script are accepted as such', () => {
  assert.equal(
    appearanceHash({bordered: false, refresh: 30, downloads: false}, 'dashboard').hash,
    'bordered=false&refresh=30&downloads=false',
  );
});
