// How many times a test has run, kept in a file of TEST_ATTEMPTS_DIR (a temporary folder the
// machinery's own tests make, test/machinery/), so that a fixture test can fail on its first
// run and pass on its rerun, which is another process.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/** Counts one more run under `key` ([a-z0-9-]) and returns the count, 1 on the first run. */
export function nextAttempt(key: string): number {
  const folder = process.env.TEST_ATTEMPTS_DIR;
  if (!folder) throw new Error('TEST_ATTEMPTS_DIR is not set: only test/machinery/ runs these fixtures');
  if (!/^[a-z0-9-]+$/.test(key)) throw new Error(`attempt key "${key}": use [a-z0-9-]`);
  const file = join(folder, key);
  const attempt = (existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0) + 1;
  writeFileSync(file, String(attempt));
  return attempt;
}
