// Comments and tests cite the emulator's README by anchor (emulator/README.md#token): every
// cited anchor must be one the README declares, so a citation cannot point at nothing.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

const readme = readFileSync('emulator/README.md', 'utf8');
const declared = new Set([...readme.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]));

/** `emulator/README.md#a, #b` cites a and b. */
function citedAnchors(text: string): string[] {
  return [...text.matchAll(/emulator\/README\.md#[\w-]+(?:, #[\w-]+)*/g)].flatMap((match) =>
    match[0]
      .split('#')
      .slice(1)
      .map((anchor) => anchor.replace(/, $/, '')),
  );
}

const sourceFiles = ['src', 'test', 'emulator/src', 'emulator/test', 'demo'].flatMap((dir) =>
  readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.ts') && file !== 'readme-anchors.node.test.ts')
    .map((file) => join(dir, file)),
);

describe('emulator/README.md anchors', () => {
  test('the README declares its sections with stable anchors', () => {
    assert.deepEqual(
      [...declared],
      ['urls', 'token', 'parameters', 'errors', 'api', 'frame', 'slow-cards', 'test-page', 'tabs'],
    );
  });

  test('every anchor a source or test file cites is declared', () => {
    const cited = sourceFiles.flatMap((file) =>
      citedAnchors(readFileSync(file, 'utf8')).map((anchor) => ({file, anchor})),
    );
    assert.ok(cited.length >= 20, `only ${cited.length} citations found`);
    assert.deepEqual(
      cited.filter(({anchor}) => !declared.has(anchor)),
      [],
    );
  });

  test('no comment cites the numbered contract the repository does not have', () => {
    assert.deepEqual(
      sourceFiles.filter((file) => /contract §\d/i.test(readFileSync(file, 'utf8'))),
      [],
    );
  });
});
