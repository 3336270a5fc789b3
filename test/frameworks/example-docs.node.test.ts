// The docs show the examples' files as they are: a code block marked
// `<!-- example-file:examples/<name>/<file> -->` must equal that file, whole. Every example
// the docs present this way is built and driven by its own *-example test.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {markedBlocks, region} from '../../support/markdown.js';

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

  // The regions on development builds say which tests check them: those files must exist.
  for (const name of ['dev-server-checks', 'react-hydration']) {
    it(`the ${name} region names test files that exist`, () => {
      const {page, text} = region(name);
      const named = [...text.matchAll(/`((?:test|demo)\/[\w/.-]+)`/g)].map(([, path]) => path!);
      assert.ok(
        named.some((path) => path.startsWith('test/')),
        `${page}: ${name} names no test file`,
      );
      for (const path of named) assert.ok(existsSync(path), `${page}: ${name} names ${path}, which is missing`);
    });
  }
});
