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
  // Colour overrides (paid plans): hex, `#` percent-encoded, under the attribute's own name.
  [{'primary-color': '#509EE3'}, 'dashboard', 'primary-color=%23509EE3', []],
  [{'card-bg-color': '#fff'}, 'question', 'card-bg-color=%23fff', []],
  [{'primary-color': 'red'}, 'dashboard', '', []],
  [{'primary-color': '#12345'}, 'dashboard', '', []],
  [{'border-color': '#0000'}, 'dashboard', '', []],
  // Metabase's frame sizing: the page flows instead of filling the iframe.
  [{'frame-sizing': 'content-height'}, 'dashboard', 'frame_sizing=content-height', []],
  [{'frame-sizing': 'content-height'}, 'question', 'frame_sizing=content-height', []],
  [{'frame-sizing': 'fill'}, 'dashboard', '', []],
  [
    {'frame-sizing': 'content-height', 'card-bg-color': '#fff'},
    'dashboard',
    'card-bg-color=%23fff&frame_sizing=content-height',
    [],
  ],
  [
    {
      'card-bg-color': '#888',
      'dashboard-bg-color': '#777',
      'border-color': '#666',
      'text-secondary-color': '#555',
      'text-primary-color': '#444',
      'background-color': '#333',
      'secondary-color': '#222',
      'primary-color': '#111',
      locale: 'de',
      theme: 'night',
    },
    'dashboard',
    'theme=night&locale=de&primary-color=%23111&secondary-color=%23222&background-color=%23333' +
      '&text-primary-color=%23444&text-secondary-color=%23555&border-color=%23666&dashboard-bg-color=%23777' +
      '&card-bg-color=%23888',
    [],
  ],
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
    frameSizing: attributes['frame-sizing'],
    // The colour rows take their text as it is: `primary-color` → primaryColor.
    ...Object.fromEntries(
      Object.entries(attributes)
        .filter(([name]) => name.endsWith('-color'))
        .map(([name, value]) => [name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()), value]),
    ),
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
