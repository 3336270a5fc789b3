// Which folder may import which: the emulator is its own package, so its sources import only
// themselves and its tests import only the emulator and the shared support/; the element's
// tests reach the emulator's test helpers through support/, never emulator/test; support/
// serves test/, emulator/test, bench/, demo/ and scripts/, so it imports none of them. Relative imports only:
// packages are reached by name and resolved by npm.
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, normalize, relative} from 'node:path';
import {describe, test} from 'node:test';

const SOURCE = /\.(?:ts|tsx|mts|mjs)$/;
const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((file) => SOURCE.test(file) && !file.includes('node_modules') && !file.startsWith('dist'))
    .map((file) => join(folder, file));
}

/** Each relative import of `file` as the path it reaches from the repository root. */
function importedPaths(file: string, text = readFileSync(file, 'utf8')): string[] {
  return [...text.matchAll(SPECIFIER)].map((match) => normalize(join(dirname(file), match[1]!)));
}

/** `file: imported path` for every import of the files under `folder` that leaves `allowed`. */
function importsOutside(folder: string, allowed: string[]): string[] {
  const inside = (path: string) => allowed.some((root) => !relative(root, path).startsWith('..'));
  return sourceFiles(folder).flatMap((file) =>
    importedPaths(file)
      .filter((path) => !inside(path))
      .map((path) => `${file}: ${path}`),
  );
}

describe('import boundaries', () => {
  test('the scanner reads static, side-effect and dynamic imports', () => {
    const text = `import a from './a.js';\nimport '../b.js';\nconst c = await import('../../c.js');\nimport x from 'pkg';`;
    assert.deepEqual(importedPaths('emulator/test/x.ts', text), ['emulator/test/a.js', 'emulator/b.js', 'c.js']);
  });

  test('emulator/src imports only emulator/src', () => {
    assert.deepEqual(importsOutside('emulator/src', ['emulator/src']), []);
  });

  test('emulator/test imports only the emulator and support/', () => {
    assert.deepEqual(importsOutside('emulator/test', ['emulator', 'support']), []);
  });

  test('test/ does not import emulator/test', () => {
    assert.deepEqual(
      sourceFiles('test').flatMap((file) =>
        importedPaths(file)
          .filter((path) => path.startsWith('emulator/test/'))
          .map((path) => `${file}: ${path}`),
      ),
      [],
    );
  });

  test('support/ imports none of test/, emulator/test, bench/, demo/ and scripts/', () => {
    const users = ['test', 'emulator/test', 'bench', 'demo', 'scripts'];
    const all = importsOutside('support', ['support']);
    assert.deepEqual(
      all.filter((line) => users.some((folder) => line.split(': ')[1]!.startsWith(`${folder}/`))),
      [],
    );
  });
});
