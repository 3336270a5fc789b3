#!/usr/bin/env node
// `npm test`: build, type-check, Node tests (server, emulator, package, sizes), then the
// browser tests in Chromium, Firefox and WebKit, one engine after another (each engine runs
// one page at a time; see web-test-runner.config.mjs). Prints each engine's totals and time,
// and ends with one plain line, `N passed, N failed`, summed from the runners' own totals (a
// failed build or type-check, or a runner that never reported, counts as one failure each).
//
//   npm test                                  everything
//   npm test -- --node-only                   skip the browsers
//   npm test -- --browser-only                skip Node tests
//   npm test -- --browsers=firefox,webkit     only these engines (default: all three)
//   npm test -- test/foo.test.ts              only these files (Node or browser by their name):
//                                             no type-check or lint, and no build unless a file
//                                             tests built output (see needsBuild) or dist/ is missing
//   npm test -- --watch test/foo.test.ts      browser files in watch mode (Chromium, or the one
//                                             engine given with --browsers), rerun on every save
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, existsSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const args = process.argv.slice(2);
const nodeOnly = args.includes('--node-only');
const watch = args.includes('--watch');
const browserOnly = args.includes('--browser-only');
const chosenFiles = args.filter((arg) => !arg.startsWith('--'));
const engines = ['chromium', 'firefox', 'webkit'];
const chosenEngines = (
  args.find((arg) => arg.startsWith('--browsers='))?.slice('--browsers='.length) ?? engines.join(',')
)
  .split(',')
  .filter(Boolean);
for (const engine of chosenEngines)
  if (!engines.includes(engine)) throw new Error(`--browsers: "${engine}" is not one of ${engines.join(', ')}`);

const scratch = mkdtempSync(join(tmpdir(), 'metabase-embed-test-'));
const totals = {passed: 0, failed: 0, skipped: 0};

function run(command, commandArgs, extraEnv = {}) {
  const result = spawnSync(command, commandArgs, {
    stdio: 'inherit',
    env: {
      ...process.env,
      // Chromium and WebKitGTK write their profiles under these; keep them out of $HOME.
      XDG_CONFIG_HOME: join(scratch, 'config'),
      XDG_CACHE_HOME: join(scratch, 'cache'),
      XDG_DATA_HOME: join(scratch, 'data'),
      ...extraEnv,
    },
  });
  return result.status ?? 1;
}

function step(name, command, commandArgs) {
  console.log(`\n== ${name}`);
  if (run(command, commandArgs) !== 0) {
    console.log(`!! ${name} failed`);
    totals.failed++;
  }
}

const isNodeTest = (file) => file.endsWith('.node.test.ts');
// The element's tests, and the emulator's (its own workspace package, emulator/).
const testDirs = ['test', join('emulator', 'test')];
const allTests = testDirs
  .flatMap((dir) => readdirSync(dir, {recursive: true}).map((file) => join(dir, file)))
  .filter((file) => file.endsWith('.test.ts'))
  .sort();
const selected = chosenFiles.length > 0 ? chosenFiles : allTests;
const nodeTests = selected.filter(isNodeTest);
const browserTests = selected.filter((file) => !isNodeTest(file));

// Most tests import the TypeScript sources; these read dist/ (the bundles, the packed package,
// the demo, which serves dist/, and the apps built against it).
const needsBuild = (file) =>
  /^test\/(bundle|e2e|frameworks|backends)\//.test(file) ||
  ['emulator/test/cli.node.test.ts', 'test/server/package-entry.node.test.ts'].includes(file);
const wholeRun = chosenFiles.length === 0;

if (wholeRun || !existsSync('dist') || !existsSync('emulator/dist') || selected.some(needsBuild))
  step('build (rollup + declarations)', 'npm', ['run', '--silent', 'build']);
if (wholeRun) {
  step('type-check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  step('lint (eslint, prettier --check, lit-analyzer)', 'npm', ['run', '--silent', 'lint']);
}

/** `node … web-test-runner` on the chosen browser files, with `extra` flags. */
const testRunner = (extra) => [
  '--import',
  'tsx',
  'node_modules/@web/test-runner/dist/bin.js',
  '--config',
  'web-test-runner.config.mjs',
  ...extra,
  '--files',
  ...browserTests,
];

if (watch) {
  // Interactive: the runner keeps going until you quit it, so there are no totals to sum.
  const engine = chosenEngines.length === 1 ? chosenEngines[0] : 'chromium';
  process.exit(run('node', testRunner(['--watch']), {WTR_BROWSER: engine}));
}

if (!browserOnly && nodeTests.length > 0) {
  console.log(`\n== Node tests (${nodeTests.length} files)`);
  const tap = join(scratch, 'node.tap');
  run('node', [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...nodeTests,
  ]);
  const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key) => Number(summary.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  if (!/^# tests \d+$/m.test(summary)) totals.failed++; // the runner never reported
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
}

/** Runs the browser files in one engine; returns its totals, or null when the runner never reported. */
function runBrowserTests(engine) {
  const countsFile = join(scratch, `wtr-${engine}.json`);
  run('node', testRunner([]), {WTR_BROWSER: engine, WTR_COUNTS_FILE: countsFile});
  return existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : null;
}

const engineLines = [];
if (!nodeOnly && browserTests.length > 0) {
  for (const engine of chosenEngines) {
    console.log(`\n== Browser tests (${browserTests.length} files, ${engine})`);
    const started = Date.now();
    const counts = runBrowserTests(engine);
    const seconds = Math.round((Date.now() - started) / 1000);
    if (!counts) {
      totals.failed++; // the runner crashed before reporting
      engineLines.push(`${engine}: the test runner did not report (${seconds} s)`);
      continue;
    }
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    engineLines.push(
      `${engine}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
      ...counts.skippedTitles.map((title) => `  skipped: ${title}`),
      ...counts.failedTitles.map((title) => `  FAILED: ${title}`),
    );
  }
}

rmSync(scratch, {recursive: true, force: true});
if (engineLines.length > 0) console.log(['', '== Browser totals', ...engineLines].join('\n'));
console.log('');
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
