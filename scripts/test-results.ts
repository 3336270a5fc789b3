// What one run of a test runner (node:test or @web/test-runner) reports per test file, as
// written by its reporter to a JSON file and read back by scripts/test.ts.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {isAbsolute, relative} from 'node:path';

export interface FileResult {
  passed: number;
  failed: number;
  skipped: number;
  /** Each failed test's full title and first error line (or the file's own error). */
  failedTitles: string[];
  skippedTitles: string[];
}

/** Results by test file, relative to the repository root (`test/element/view.test.ts`). */
export type RunResults = Record<string, FileResult>;

export const emptyResult = (): FileResult => ({passed: 0, failed: 0, skipped: 0, failedTitles: [], skippedTitles: []});

/** The entry of `file` in `results`, created empty on first use. */
export function resultOf(results: RunResults, file: string): FileResult {
  const key = isAbsolute(file) ? relative(process.cwd(), file) : file;
  return (results[key] ??= emptyResult());
}

/** An error's first line, cut at 200 characters (a line can carry a whole token or page). */
export function firstLine(error: {message?: string} | undefined | null, fallback: string): string {
  const line = error?.message?.split('\n')[0] || fallback;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export const writeResults = (file: string, results: RunResults): void => writeFileSync(file, JSON.stringify(results));

/** The results a reporter wrote, or null when it never did (the runner crashed first). */
export const readResults = (file: string): RunResults | null =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunResults) : null;
