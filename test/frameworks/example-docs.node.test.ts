// The docs show the examples' files as they are: a code block marked
// `<!-- example-file:examples/<name>/<file> -->` must equal that file, whole. Every example
// the docs present this way is built and driven by its own *-example test.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {markedBlocks} from '../../support/markdown.js';

const blocks = markedBlocks('example-file');

describe('docs: the examples shown whole', () => {
  it('show a file of each of plain-html, vite-react and vite-vue', () => {
    const shown = new Set(blocks.map(({key}) => key.split('/')[1]));
    for (const example of ['plain-html', 'vite-react', 'vite-vue']) assert.ok(shown.has(example), example);
  });

  for (const {key, body, page} of blocks) {
    it(`${page} shows ${key} as it is`, () => {
      assert.ok(key.startsWith('examples/'), `${page}: ${key} is not a file of examples/`);
      assert.equal(body, readFileSync(key, 'utf8').trimEnd(), `${page}: rewrite the block from ${key}`);
    });
  }
});
