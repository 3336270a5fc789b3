// The docs' CDN block (bundle sizes, <script> tags with their integrity hashes) is written
// by scripts/cdn-snippets.ts from the built files; it must match the files `npm test` built.
// test/bundle/readme-page.node.test.ts shows Chromium accepting those tags and hashes.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {readDoc, region} from '../../support/markdown.js';
import {
  builtScriptTags,
  cdnPage,
  endMarker,
  renderBlock,
  replaceBlock,
  sizesTable,
  sriHash,
  startMarker,
} from '../../scripts/cdn-snippets.js';

const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string};

describe('CDN block in the docs', () => {
  test('matches what scripts/cdn-snippets.ts writes from dist/cdn/ (hashes and sizes)', () => {
    const {page} = region('cdn-snippets');
    assert.equal(page, cdnPage, `the CDN block moved to ${page}: change cdnPage in scripts/cdn-snippets.ts`);
    const text = readDoc(page);
    const expected = replaceBlock(text, renderBlock(builtScriptTags(version), sizesTable()));
    assert.ok(
      text === expected,
      `${page}: the CDN block (integrity hashes, sizes) is out of date for this build; run \`npx tsx scripts/cdn-snippets.ts --write\``,
    );
  });

  test('the hash is SHA-384 of the bytes, base64, as the SRI spec writes it', () => {
    // Known answer: SHA-384 of "abc" (FIPS 180-2, appendix D.1).
    const abc = 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7';
    assert.equal(sriHash('abc'), `sha384-${Buffer.from(abc, 'hex').toString('base64')}`);
    const bundle = readFileSync('dist/cdn/metabase-embed.js');
    assert.equal(sriHash(bundle), `sha384-${createHash('sha384').update(bundle).digest('base64')}`);
  });

  test('replaces only what lies between the markers, and says when they are missing', () => {
    const readme = `a\n${startMarker}\nold\n${endMarker}\nb\n`;
    assert.equal(
      replaceBlock(readme, `${startMarker}\nnew\n${endMarker}`),
      `a\n${startMarker}\nnew\n${endMarker}\nb\n`,
    );
    assert.throws(() => replaceBlock('# none', 'x'), /docs\/frameworks.md needs <!-- cdn-snippets:start -->/);
  });
});
