// Runs a type checker (tsc, vue-tsc) over one tsconfig, with any further flags; resolves
// with its exit code and what it printed (its errors), whether it passed or not.
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after} from 'node:test';
import {promisify} from 'node:util';

export async function typeCheck(
  checker: 'tsc' | 'vue-tsc',
  tsconfig: string,
  ...flags: string[]
): Promise<{code: number; output: string}> {
  try {
    const {stdout} = await promisify(execFile)('npx', [checker, '-p', tsconfig, ...flags]);
    return {code: 0, output: stdout};
  } catch (error) {
    const {code, stdout} = error as {code: number; stdout: string};
    return {code, output: stdout};
  }
}

/** A consumer app's strict settings, with the shipped .d.ts files checked too (no skipLibCheck). */
export const consumerCompilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022', 'DOM'],
  types: [],
  strict: true,
  skipLibCheck: false,
  noEmit: true,
};

/**
 * In a `describe` of node:test: a folder under .tmp/ (inside the repository, so that
 * `metabase-embed` resolves to this package's build), removed after the suite. The returned
 * function writes `files` and `tsconfig` into a subfolder `name` and type-checks them there.
 */
export function scratchTypeChecks(prefix: string) {
  mkdirSync('.tmp', {recursive: true});
  const root = mkdtempSync(join('.tmp', prefix));
  after(() => rmSync(root, {recursive: true, force: true}));
  return (checker: 'tsc' | 'vue-tsc', name: string, tsconfig: object, files: Record<string, string>) => {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return typeCheck(checker, join(dir, 'tsconfig.json'));
  };
}
