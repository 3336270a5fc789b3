// The docs' backends region (docs/backends.md) cannot drift: each excerpt is in the file
// it names, word for word, and each generated block is what the Embed panel's generators
// write for README_CHOICES.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {pageCode, type PageLanguage} from '../../demo/client/embed-panel-page-code.js';
import {serverCode, type ServerLanguage} from '../../demo/client/embed-panel-server-code.js';
import {README_CHOICES} from './readme-choices.js';
import {commentedBlocks, region} from '../../support/markdown.js';

const root = new URL('../../', import.meta.url);
const {page, text: section} = region('backends');
const blocks = commentedBlocks(section).flatMap(({comment, body: code}) => {
  const [, kind, what = ''] = /^(excerpt|generated): (.+)$/.exec(comment) ?? [];
  return kind ? [{kind, what: what.trim(), code}] : [];
});

test('the section has its excerpts and generated blocks', () => {
  assert.deepEqual(
    blocks.map(({kind, what}) => `${kind}: ${what}`),
    [
      'generated: page html',
      'generated: page erb',
      'generated: page jsx',
      'generated: page mustache',
      'generated: page pug',
      'excerpt: demo/backends/python/embed_server.py',
      'excerpt: demo/backends/python/embed_server.py',
      'excerpt: demo/backends/ruby/embed_server.rb',
      'excerpt: demo/backends/ruby/embed_server.rb',
      'generated: server clojure',
    ],
  );
});

for (const [index, {kind, what, code}] of blocks.entries()) {
  test(`${kind} ${index + 1}: ${what}`, () => {
    if (kind === 'excerpt') {
      const file = readFileSync(fileURLToPath(new URL(what, root)), 'utf8');
      assert.ok(file.includes(code), `${page}: this excerpt is no longer in ${what}: copy it from the file again`);
      return;
    }
    const [group, language] = what.split(' ');
    const expected =
      group === 'page'
        ? pageCode(language as PageLanguage, README_CHOICES)
        : serverCode(language as ServerLanguage, README_CHOICES);
    assert.equal(
      code,
      expected,
      `${page}: replace the block "${what}" with the generator's output (shown as expected)`,
    );
  });
}
