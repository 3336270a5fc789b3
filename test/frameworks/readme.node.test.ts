// The docs' Frameworks section (the region `frameworks` in docs/frameworks.md) shows code copied
// from the tested apps: each code block under a `<!-- from <file> -->` line must be in that file,
// line for line (indentation aside).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {commentedBlocks, region} from '../../support/markdown.js';

const {page, text} = region('frameworks');
const excerpts = commentedBlocks(text).flatMap(({comment, body}) => {
  const file = /^from (\S+)$/.exec(comment)?.[1];
  return file ? [{file, lines: body.split('\n')}] : [];
});

/** Whether `lines` occur one after another in `text`, each with the same extra indentation. */
function containsLines(text: string, lines: string[]): boolean {
  const fileLines = text.split('\n');
  return fileLines.some((first, start) => {
    const head = lines[0] ?? '';
    if (!first.endsWith(head) || first.trim() === '') return false;
    const indent = first.slice(0, first.length - head.length);
    if (indent.trim() !== '') return false;
    return lines.every((line, offset) => fileLines[start + offset] === (line === '' ? '' : indent + line));
  });
}

describe(`Frameworks section (${page})`, () => {
  it('has code copied from the apps', () => {
    assert.ok(excerpts.length >= 8, `found ${excerpts.length} excerpts`);
  });

  for (const {file, lines} of excerpts) {
    it(`shows ${file} as it is: ${(lines[0] ?? '').trim()}`, () => {
      assert.ok(containsLines(readFileSync(file, 'utf8'), lines), `${page}: this block is not in ${file} any more`);
    });
  }
});
