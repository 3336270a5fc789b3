// The README's Frameworks section shows code copied from the tested apps: each code block
// under a `<!-- from <file> -->` line must be in that file, line for line (indentation aside).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('### Frameworks\n'), readme.indexOf('### From a CDN'));
const excerpts = [...section.matchAll(/<!-- from (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map(
  ([, file = '', code = '']) => ({
    file,
    lines: code.split('\n'),
  }),
);

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

describe('README Frameworks section', () => {
  it('has code copied from the apps', () => {
    assert.ok(excerpts.length >= 8, `found ${excerpts.length} excerpts`);
  });

  for (const {file, lines} of excerpts) {
    it(`shows ${file} as it is: ${(lines[0] ?? '').trim()}`, () => {
      assert.ok(containsLines(readFileSync(file, 'utf8'), lines), `README.md: this block is not in ${file} any more`);
    });
  }
});
