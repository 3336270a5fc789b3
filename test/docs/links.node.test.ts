// Every relative link and #anchor in the repository's markdown leads somewhere; the README
// stays a short front page that links every docs page; and the pages that ship in the
// package (README.md, docs/) link only to files that ship with them.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {docPages, readDoc} from '../../support/markdown.js';
import {brokenLinks, relativeTargets} from './links.js';

const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const pages = [...docPages(), 'CONTRIBUTING.md', 'emulator/README.md'];
const README_MAX_LINES = 300;

describe('docs links', () => {
  for (const page of pages) {
    test(`${page}: every relative link and #anchor resolves`, () => {
      assert.deepEqual(brokenLinks(rootDir, page), []);
    });
  }

  test(`README.md has at most ${README_MAX_LINES} lines`, () => {
    const lines = readDoc('README.md').trimEnd().split('\n').length;
    assert.ok(lines <= README_MAX_LINES, `README.md has ${lines} lines; move text to a page in docs/`);
  });

  test('README.md links every page in docs/', () => {
    const linked = new Set(relativeTargets(rootDir, 'README.md').map(({file}) => file));
    assert.deepEqual(
      docPages().filter((page) => page !== 'README.md' && !linked.has(page)),
      [],
    );
  });

  test('README.md and docs/ link only to files the package ships (package.json `files`)', () => {
    const {files} = JSON.parse(readDoc('package.json')) as {files: string[]};
    // npm always packs these; `files` lists the rest.
    const shipped = ['README.md', 'LICENSE', 'package.json', ...files];
    const outside = docPages().flatMap((page) =>
      relativeTargets(rootDir, page)
        .filter(({file}) => !shipped.some((entry) => file === entry || file.startsWith(`${entry}/`)))
        .map(({url, line}) => `${page}:${line}: ${url}`),
    );
    assert.deepEqual(outside, []);
  });

  test('a broken anchor, a missing file and a link out of the tree are each reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-links-'));
    try {
      writeFileSync(join(dir, 'other.md'), '# Other page\n\n<a id="kept"></a>\n');
      writeFileSync(
        join(dir, 'page.md'),
        [
          '# Page',
          '## Token life',
          '[ok](#token-life) [ok](other.md#other-page) [ok](other.md#kept) [ok](https://x.test/#nope)',
          '[bad](#token-lifetime)',
          '[bad](other.md#gone)',
          '[bad](missing.md)',
          '[bad](../outside.md)',
        ].join('\n\n'),
      );
      assert.deepEqual(brokenLinks(dir, 'page.md'), [
        'page.md:7: #token-lifetime (page.md has no anchor #token-lifetime)',
        'page.md:9: other.md#gone (other.md has no anchor #gone)',
        'page.md:11: missing.md (no file missing.md)',
        'page.md:13: ../outside.md (outside the tree)',
      ]);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
