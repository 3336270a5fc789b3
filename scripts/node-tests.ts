// Runs Node test files with node:test, one file at a time, each in its own process: prints
// node's spec report and writes the totals per file (scripts/test-results.ts) to the JSON
// file given first. Run by scripts/test.ts under tsx, whose loader the file processes inherit.
//
//   tsx scripts/node-tests.ts <results.json> <file.node.test.ts>…
//
// Suites (`describe`) are not counted, tests are, subtests too, as node's own summary counts
// them; a file that fails outside any test is reported by node as a failed test named after it.
import {run} from 'node:test';
import {spec} from 'node:test/reporters';
import {firstLine, resultOf, writeResults, type RunResults} from './test-results.js';

interface TestEventData {
  name: string;
  file?: string;
  skip?: boolean | string;
  todo?: boolean | string;
  details: {type?: 'suite' | 'test'; error?: Error & {cause?: Error}};
}

const [resultsFile, ...files] = process.argv.slice(2);
if (!resultsFile || files.length === 0) throw new Error('usage: tsx scripts/node-tests.ts <results.json> <files>…');

const results: RunResults = {};
// `file` is the one being run, not the event's own `file`: a test declared in a helper module
// (emulator/test/metabase-port/) names that module.
function count(passed: boolean, test: TestEventData, file: string): void {
  if (test.details.type === 'suite') return;
  const result = resultOf(results, file);
  if (test.skip !== undefined || test.todo !== undefined) {
    result.skipped++;
    result.skippedTitles.push(test.name);
  } else if (passed) result.passed++;
  else {
    result.failed++;
    const {error} = test.details; // node wraps a test's own error as its cause
    const reason = error?.cause instanceof Error ? error.cause : error;
    result.failedTitles.push(`${test.name}: ${firstLine(reason, 'no error message')}`);
  }
}

// Longer than any test or hook needs (the slowest installs and builds an example app on a
// cold cache: minutes), short enough that a hang fails its file instead of the CI budget.
const TEST_TIMEOUT_MS = 20 * 60_000;

for (const file of files) {
  const stream = run({files: [file], concurrency: 1, timeout: TEST_TIMEOUT_MS});
  stream.on('test:pass', (data: TestEventData) => count(true, data, file));
  stream.on('test:fail', (data: TestEventData) => count(false, data, file));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  stream.pipe(new spec()).pipe(process.stdout, {end: false});
  await ended;
}
writeResults(resultsFile, results);
