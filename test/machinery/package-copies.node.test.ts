// The code the root package and the emulator each keep a copy of. The emulator imports
// nothing of the root package (it checks tokens on its own, and the published package cannot
// depend on the private emulator), so each package holds its own file; these copies must not
// drift apart. Only the opening comment, which says where each copy is used, may differ.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';

const copies: Array<[root: string, emulator: string]> = [
  ['src/server/request-target.ts', 'emulator/src/http/request-target.ts'],
  ['src/embed/plain-object.ts', 'emulator/src/rules/plain-object.ts'],
];

/** The file's text after its opening run of `//` comment lines. */
function code(file: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => !line.startsWith('//'));
  return lines.slice(start).join('\n').trim();
}

describe('code copied into the emulator', () => {
  for (const [root, emulator] of copies)
    test(`${emulator} is ${root}, below its opening comment`, () => {
      const copied = code(emulator);
      assert.ok(copied.length > 0, `${emulator} has code`);
      assert.equal(copied, code(root), `${emulator} and ${root} differ: change both`);
    });
});
