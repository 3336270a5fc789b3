// Runs a type checker (tsc, vue-tsc) over one tsconfig, with any further flags; resolves
// with its exit code and what it printed (its errors), whether it passed or not.
import {execFile} from 'node:child_process';
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
