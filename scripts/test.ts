// `npm test`: build, type-check, lint, Node tests, then the browser tests in Chromium, Firefox
// and WebKit, one engine after another (each engine runs one page at a time; see
// web-test-runner.config.mjs). A test file that fails is run once more, alone, by the same
// runner in the same engine: when it passes then, it is listed as flaky and does not fail
// the run; when it fails again, it does. Prints each runner's totals and time, and ends with
// one plain line, `N passed, N failed` (`, N skipped` when some were), summed from the
// runners' own per-file totals, a rerun file counted from its rerun (a failed build,
// type-check or lint, or a runner that never reported, counts as one failure each).
//
//   npm test                                  everything
//   npm test -- --node-only                   skip the browsers
//   npm test -- --browser-only                skip Node tests
//   npm test -- --browsers=firefox,webkit     only these engines (default: all three)
//   npm test -- test/foo.test.ts              only these files (Node or browser by their name):
//                                             no type-check or lint, and no build unless a file
//                                             reads built output (scripts/test-files.ts) or
//                                             dist/ is missing
//   npm test -- --watch test/foo.test.ts      browser files in watch mode (Chromium, or the one
//                                             engine given with --browsers), rerun on every save
import {spawnSync} from 'node:child_process';
import {join, relative, resolve} from 'node:path';
import {missingEngines} from '../support/browsers.js';
import {makeScratchDir, removeScratchDir} from '../support/scratch-dir.js';
import {parseTestArgs, usage} from './test-args.js';
import {emptyResult, readResults, type FileResult, type RunResults} from './test-results.js';
import {discoverTests, filesNeedingBuild, isNodeTest, missingBuildOutputs} from './test-files.js';

/** More failed files than this in one runner are not flakes: only this many are run again. */
const MAX_RERUNS = 10;

let options: ReturnType<typeof parseTestArgs>;
try {
  options = parseTestArgs(process.argv.slice(2));
} catch (error) {
  console.error(`npm test: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  process.exit(2);
}

const scratch = makeScratchDir('test');
const totals = {passed: 0, failed: 0, skipped: 0};
const summaryLines: string[] = [];
const flakyLines: string[] = [];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Chromium and WebKitGTK write their profiles under these; keep them out of $HOME.
    XDG_CONFIG_HOME: join(scratch, 'config'),
    XDG_CACHE_HOME: join(scratch, 'cache'),
    XDG_DATA_HOME: join(scratch, 'data'),
    ...extraEnv,
  };
  // Set when this script runs inside a node:test file: node's runner would then report to it.
  delete env.NODE_TEST_CONTEXT;
  return spawnSync(command, args, {stdio: 'inherit', env}).status ?? 1;
}

function step(name: string, command: string, args: string[]): void {
  console.log(`\n== ${name}`);
  if (run(command, args) !== 0) {
    console.log(`!! ${name} failed`);
    totals.failed++;
    summaryLines.push(`FAILED: ${name}`);
  }
}

const selected = options.files.length > 0 ? options.files.map((file) => relative('.', resolve(file))) : discoverTests();
const nodeTests = options.browserOnly ? [] : selected.filter(isNodeTest);
const browserTests = options.nodeOnly ? [] : selected.filter((file) => !isNodeTest(file));

if (browserTests.length > 0) {
  const missing = missingEngines(options.watch ? [options.engines[0]!] : options.engines);
  if (missing.length > 0) {
    console.error(`npm test: ${missing.join('\n')}`);
    process.exit(2);
  }
}

const wholeRun = options.files.length === 0;
const buildReaders = wholeRun ? [] : await filesNeedingBuild(selected);
const unbuilt = missingBuildOutputs();
if (wholeRun || unbuilt.length > 0 || buildReaders.length > 0) {
  const why = wholeRun
    ? 'the whole suite'
    : buildReaders.length > 0
      ? buildReaders.join(', ')
      : `no ${unbuilt.join(', ')}`;
  step(`build (rollup + declarations), for ${why}`, 'npm', ['run', '--silent', 'build']);
}
if (wholeRun) {
  step('type-check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  step('lint (eslint, prettier --check, lit-analyzer)', 'npm', ['run', '--silent', 'lint']);
}

/** `node … web-test-runner` on `files`, with `extra` flags. */
const testRunner = (files: string[], extra: string[] = []) => [
  '--import',
  'tsx',
  'node_modules/@web/test-runner/dist/bin.js',
  '--config',
  'web-test-runner.config.mjs',
  ...extra,
  '--files',
  ...files,
];

if (options.watch) {
  // Interactive: the runner keeps going until you quit it, so there are no totals to sum.
  process.exit(run('node', testRunner(browserTests, ['--watch']), {WTR_BROWSER: options.engines[0]!}));
}

let runs = 0;
/** Runs `files` with `command` (which writes per-file results to the file it is given). */
function runFiles(command: (resultsFile: string) => [string, string[], Record<string, string>]): RunResults | null {
  const resultsFile = join(scratch, `results-${++runs}.json`);
  const [program, args, env] = command(resultsFile);
  run(program, args, env);
  return readResults(resultsFile);
}

const nodeRun = (files: string[]) =>
  runFiles((resultsFile) => ['node', ['--import', 'tsx', 'scripts/node-tests.ts', resultsFile, ...files], {}]);
const browserRun = (engine: string) => (files: string[]) =>
  runFiles((resultsFile) => ['node', testRunner(files), {WTR_BROWSER: engine, WTR_RESULTS_FILE: resultsFile}]);

/**
 * Runs `files` with `runFilesWith`, then each file that failed once more, alone; adds the
 * counts (a rerun file's from its rerun) to the totals and says what happened under `label`.
 */
function runWithRerun(label: string, files: string[], runFilesWith: (files: string[]) => RunResults | null): void {
  const started = Date.now();
  const results = runFilesWith(files);
  if (!results) {
    totals.failed++; // the runner crashed before reporting
    summaryLines.push(`${label}: the test runner did not report (${Math.round((Date.now() - started) / 1000)} s)`);
    return;
  }
  // A file the runner says nothing about ran nothing: that must not look green.
  for (const file of files)
    results[file] ??= {...emptyResult(), failed: 1, failedTitles: ['(the file) reported no test']};
  const failedFiles = files.filter((file) => results[file]!.failed > 0);
  for (const file of failedFiles.slice(0, MAX_RERUNS)) {
    console.log(`\n== ${label}: ${file} failed; running it again, alone`);
    const first = results[file]!;
    const again = runFilesWith([file])?.[file] ?? {
      ...emptyResult(),
      failed: 1,
      failedTitles: ['(the file) the runner did not report on the rerun'],
    };
    results[file] = again;
    if (again.failed === 0 && again.passed > 0)
      flakyLines.push(`  ${label} ${file}, first run: ${first.failedTitles.join('; ')}`);
  }
  if (failedFiles.length > MAX_RERUNS)
    console.log(`\n!! ${label}: ${failedFiles.length} files failed; only the first ${MAX_RERUNS} were run again`);

  const sum: FileResult = emptyResult();
  for (const [file, result] of Object.entries(results)) {
    sum.passed += result.passed;
    sum.failed += result.failed;
    sum.skipped += result.skipped;
    sum.skippedTitles.push(...result.skippedTitles.map((title) => `${file}: ${title}`));
    sum.failedTitles.push(...result.failedTitles.map((title) => `${file}: ${title}`));
  }
  totals.passed += sum.passed;
  totals.failed += sum.failed;
  totals.skipped += sum.skipped;
  const seconds = Math.round((Date.now() - started) / 1000);
  summaryLines.push(
    `${label}: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped (${seconds} s)`,
    ...sum.skippedTitles.map((title) => `  skipped: ${title}`),
    ...sum.failedTitles.map((title) => `  FAILED: ${title}`),
  );
}

if (nodeTests.length > 0) {
  console.log(`\n== Node tests (${nodeTests.length} files)`);
  runWithRerun('node', nodeTests, nodeRun);
}
for (const engine of browserTests.length > 0 ? options.engines : []) {
  console.log(`\n== Browser tests (${browserTests.length} files, ${engine})`);
  runWithRerun(engine, browserTests, browserRun(engine));
}

removeScratchDir(scratch);
if (flakyLines.length > 0)
  summaryLines.push('flaky (failed, then passed when run again alone; counted from that run):', ...flakyLines);
if (summaryLines.length > 0) console.log(['', '== Totals', ...summaryLines].join('\n'));
console.log('');
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
