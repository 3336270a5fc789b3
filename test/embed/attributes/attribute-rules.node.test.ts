import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  attributeName,
  type AttributeRule,
  attributeTable,
  parseJsonAttribute,
  parseNumberAttribute,
  readRuled,
  ruleWarning,
} from '../../../src/embed/attributes.js';

// What a property reads as for the value it was given (its converter's output), and whether
// that value earns a warning.
const rules = {
  credentials: attributeTable.credentials.rule,
  resize: attributeTable.resize.rule,
  loading: attributeTable.loading.rule,
  theme: attributeTable.theme.rule,
  bordered: attributeTable.bordered.rule,
  downloads: attributeTable.downloads.rule,
  hideParameters: attributeTable.hideParameters.rule,
  minHeight: attributeTable.minHeight.rule,
  maxHeight: attributeTable.maxHeight.rule,
  timeout: attributeTable.timeout.rule,
  initialParams: attributeTable.initialParams.rule,
  primaryColor: attributeTable.primaryColor.rule,
  cardBgColor: attributeTable.cardBgColor.rule,
  frameSizing: attributeTable.frameSizing.rule,
};
const cases: Array<{property: keyof typeof rules; given: unknown; reads: unknown; warns: boolean}> = [
  {property: 'credentials', given: undefined, reads: 'same-origin', warns: false},
  {property: 'credentials', given: 'include', reads: 'include', warns: false},
  {property: 'credentials', given: 'omit', reads: 'same-origin', warns: true},
  {property: 'resize', given: undefined, reads: 'auto', warns: false},
  {property: 'resize', given: 'none', reads: 'none', warns: false},
  {property: 'resize', given: 'sometimes', reads: 'auto', warns: true},
  {property: 'loading', given: 'lazy', reads: 'lazy', warns: false},
  {property: 'loading', given: 'later', reads: 'eager', warns: true},
  {property: 'theme', given: 'night', reads: 'night', warns: false},
  {property: 'theme', given: 'dark', reads: undefined, warns: true},
  {property: 'bordered', given: false, reads: false, warns: false},
  {property: 'bordered', given: 'maybe', reads: undefined, warns: true},
  {property: 'downloads', given: 'results, pdf', reads: 'pdf,results', warns: false},
  {property: 'downloads', given: 'false', reads: false, warns: false},
  {property: 'downloads', given: 'csv', reads: undefined, warns: true},
  {property: 'hideParameters', given: 'a, b', reads: 'a,b', warns: false},
  {property: 'minHeight', given: parseNumberAttribute('400px'), reads: 400, warns: false},
  {property: 'minHeight', given: parseNumberAttribute('tall'), reads: undefined, warns: true},
  {property: 'maxHeight', given: -1, reads: undefined, warns: true},
  {property: 'timeout', given: undefined, reads: 15, warns: false},
  {property: 'timeout', given: parseNumberAttribute('30'), reads: 30, warns: false},
  {property: 'timeout', given: parseNumberAttribute('0.5'), reads: 0.5, warns: false},
  {property: 'timeout', given: parseNumberAttribute('0'), reads: 15, warns: true},
  {property: 'timeout', given: parseNumberAttribute('-2'), reads: 15, warns: true},
  {property: 'timeout', given: parseNumberAttribute('later'), reads: 15, warns: true},
  {property: 'timeout', given: parseNumberAttribute('2147483'), reads: 2_147_483, warns: false},
  // past setTimeout's limit: it would fire at once
  {property: 'timeout', given: parseNumberAttribute('2147484'), reads: 15, warns: true},
  {property: 'timeout', given: Infinity, reads: 15, warns: true},
  {property: 'initialParams', given: parseJsonAttribute('{"a":["1","2"]}'), reads: {a: ['1', '2']}, warns: false},
  {property: 'initialParams', given: parseJsonAttribute('{"a":'), reads: undefined, warns: true},
  {property: 'initialParams', given: [1], reads: undefined, warns: true},
  {property: 'primaryColor', given: '#509EE3', reads: '#509EE3', warns: false},
  {property: 'primaryColor', given: '#fff', reads: '#fff', warns: false},
  {property: 'primaryColor', given: '#000', reads: '#000', warns: false}, // Metabase's transparent
  {property: 'cardBgColor', given: '#0f0f0f', reads: '#0f0f0f', warns: false},
  {property: 'primaryColor', given: 'red', reads: undefined, warns: true},
  {property: 'primaryColor', given: '509EE3', reads: undefined, warns: true},
  {property: 'primaryColor', given: '#509EE3 ', reads: undefined, warns: true},
  {property: 'primaryColor', given: '#ff0000ff', reads: undefined, warns: true},
  {property: 'cardBgColor', given: 'rgb(0, 0, 0)', reads: undefined, warns: true},
  {property: 'frameSizing', given: 'content-height', reads: 'content-height', warns: false},
  {property: 'frameSizing', given: 'fill', reads: undefined, warns: true},
  {property: 'frameSizing', given: 'Content-Height', reads: undefined, warns: true},
];
for (const {property, given, reads, warns} of cases) {
  test(`${property} given ${JSON.stringify(given)} reads ${JSON.stringify(reads)}${warns ? ', with a warning' : ''}`, () => {
    const rule: AttributeRule = rules[property];
    assert.deepEqual(readRuled(rule, given), reads);
    const warning = ruleWarning(attributeName(property), rule, given);
    assert.equal(warning !== undefined, warns);
    if (warning) assert.ok(warning.startsWith(`"${attributeName(property)}" must be `), warning);
  });
}

const warnings: Array<{property: keyof typeof rules; given: unknown; warning: string}> = [
  {
    property: 'credentials',
    given: 'omit',
    warning: '"credentials" must be one of "same-origin", "include"; got "omit". Using "same-origin".',
  },
  {
    property: 'timeout',
    given: 'later',
    warning: '"timeout" must be a positive number of seconds, at most 2147483; got "later". Using 15.',
  },
  {
    property: 'minHeight',
    given: 'tall',
    warning:
      '"min-height" must be a non-negative number of CSS pixels (e.g. "400" or "400px"); got "tall". It is ignored.',
  },
  {
    property: 'theme',
    given: 'dark',
    warning: '"theme" must be one of "light", "night", "transparent"; got "dark". It is ignored.',
  },
  {
    property: 'primaryColor',
    given: 'red',
    warning: '"primary-color" must be a hex colour such as "#509EE3" or "#fff"; got "red". It is ignored.',
  },
  {
    property: 'cardBgColor',
    given: 'rgb(0, 0, 0)',
    warning: '"card-bg-color" must be a hex colour such as "#509EE3" or "#fff"; got "rgb(0, 0, 0)". It is ignored.',
  },
  {
    property: 'frameSizing',
    given: 'auto',
    warning: '"frame-sizing" must be one of "content-height"; got "auto". It is ignored.',
  },
];
for (const {property, given, warning} of warnings) {
  test(`the warning for ${property} given ${JSON.stringify(given)} names the attribute, what it allows and the outcome`, () => {
    assert.equal(ruleWarning(attributeName(property), rules[property], given), warning);
  });
}
