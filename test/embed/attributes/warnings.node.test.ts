import {test} from 'node:test';
import assert from 'node:assert/strict';
import {AttributeWarnings} from '../../../src/embed/attributes.js';

test('a warning is logged once until its attribute changes', () => {
  const logged: string[] = [];
  const warnings = new AttributeWarnings((message) => logged.push(message));
  warnings.warn('"theme" must be one of …; got "dark".');
  warnings.warn('"theme" must be one of …; got "dark".');
  warnings.warn('"locale" must be a language tag; got "x!".');
  warnings.forget('theme-color'); // another attribute, same prefix letters
  warnings.warn('"theme" must be one of …; got "dark".');
  warnings.forget('theme');
  warnings.warn('"theme" must be one of …; got "dark".');
  warnings.warn('"locale" must be a language tag; got "x!".');
  assert.deepEqual(logged, [
    '"theme" must be one of …; got "dark".',
    '"locale" must be a language tag; got "x!".',
    '"theme" must be one of …; got "dark".',
  ]);
});
