// The element API block of docs/element.md is generated from custom-elements.json by
// scripts/readme-api.ts; it must never drift from the element's JSDoc.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readDoc, region} from '../../support/markdown.js';
import * as api from '../../scripts/readme-api.js';
import {readManifest, type Manifest} from './manifest.js';

describe('element API block in the docs', () => {
  test('matches what scripts/readme-api.ts writes from custom-elements.json', () => {
    const {page} = region('element-api');
    assert.equal(page, api.apiPage, `the element API block moved to ${page}: change apiPage in scripts/readme-api.ts`);
    const text = readDoc(page);
    const expected = api.replaceApiBlock(text, api.renderApiBlock(readManifest()));
    assert.ok(
      text === expected,
      `${page}: the element API block is out of date; run \`npx tsx scripts/readme-api.ts\``,
    );
  });
});

const fixture: Manifest = {
  modules: [
    {
      path: 'src/x-demo.ts',
      declarations: [
        {
          name: 'XDemo',
          tagName: 'x-demo',
          customElement: true,
          summary: 'A demo\nelement.',
          members: [
            {
              kind: 'field',
              name: 'mode',
              attribute: 'mode',
              type: {text: "'a' | 'b' | undefined"},
              description: 'Mode a | b.',
            },
            {kind: 'field', name: 'hook', type: {text: '((x: string) => void) | undefined'}, description: 'A hook.'},
            {kind: 'field', name: 'state', readonly: true, type: {text: 'string'}, description: 'Now.'},
            {kind: 'field', name: '_hidden', type: {text: 'number'}},
            {kind: 'field', name: 'secret', privacy: 'private', type: {text: 'number'}},
            {kind: 'method', name: 'connectedCallback'},
            {kind: 'method', name: 'reload', description: 'Again.'},
          ],
          attributes: [
            {
              name: 'mode',
              fieldName: 'mode',
              type: {text: "'a' | 'b' | undefined"},
              default: "'a'",
              description: 'Mode a | b.',
            },
            {name: 'param-<slug>', type: {text: 'string'}, description: 'One value.'},
          ],
          events: [
            {name: 'x-demo-done', type: {text: 'CustomEvent'}},
            {name: 'x-demo-done', type: {text: 'CustomEvent<{ok: boolean}>'}, description: 'Finished.'},
          ],
          slots: [{name: '', description: 'Content.'}],
        },
      ],
    },
  ],
};

describe('scripts/readme-api.ts', () => {
  const block = api.renderApiBlock(fixture);

  test('renders attributes with their property, values without undefined, and escaped pipes', () => {
    assert.match(block, /^\| `mode` \| `mode` \| `'a' \\\| 'b'` \| `'a'` \| Mode a \\\| b\. \|$/m);
    assert.match(block, /^\| — \| `param-<slug>` \| `string` \| {2}\| One value\. \|$/m);
  });

  test('lists only public properties without an attribute, marking read-only ones', () => {
    assert.match(block, /^\| `hook` \| `\(\(x: string\) => void\) \\\| undefined` \| {2}\| A hook\. \|$/m);
    assert.match(block, /^\| `state` \| `string` \| {2}\| \(read-only\) Now\. \|$/m);
    assert.doesNotMatch(block, /_hidden|secret|connectedCallback|^\| `mode` \| `'a'/m);
  });

  test('merges an event listed twice into one row with its detail type', () => {
    assert.equal(block.match(/x-demo-done/g)?.length, 1);
    assert.match(block, /^\| `x-demo-done` \| `{ok: boolean}` \| Finished\. \|$/m);
  });

  test('leaves out sections with nothing in them and names the default slot', () => {
    assert.doesNotMatch(block, /CSS parts|CSS custom properties/);
    assert.match(block, /^\| \(default\) \| Content\. \|$/m);
    assert.match(block, /^A demo element\.$/m);
  });

  test('replaces only what lies between the markers', () => {
    const readme = `# T\n\nbefore\n${api.startMarker}\nold\n${api.endMarker}\nafter\n`;
    assert.equal(
      api.replaceApiBlock(readme, `${api.startMarker}\nnew\n${api.endMarker}`),
      `# T\n\nbefore\n${api.startMarker}\nnew\n${api.endMarker}\nafter\n`,
    );
    assert.throws(
      () => api.replaceApiBlock('# no markers', block),
      /docs\/element.md needs <!-- element-api:start -->/,
    );
  });

  test('splits unions only at the top level', () => {
    assert.deepEqual(api.splitUnion("((a: 'x' | 'y') => void) | Map<string, 1 | 2> | 'p|q' | undefined"), [
      "((a: 'x' | 'y') => void)",
      'Map<string, 1 | 2>',
      "'p|q'",
      'undefined',
    ]);
  });
});
