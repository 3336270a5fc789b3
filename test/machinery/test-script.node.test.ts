// `npm test` itself (scripts/test.ts), run on the fixtures beside this file: a file that
// fails and then passes when run again alone is listed as flaky and does not fail the run;
// one that fails twice does; every test is counted once; bad command lines are refused.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';

const fixtures = 'test/machinery/fixtures';
const flaky = [`${fixtures}/flaky.node.test.ts`, `${fixtures}/flaky.test.ts`];
const failing = [`${fixtures}/failing.node.test.ts`, `${fixtures}/failing.test.ts`];

/** Runs the test script with `args` and a fresh attempts folder; its exit code and output. */
function npmTest(args: string[], env: Record<string, string> = {}) {
  const attempts = mkdtempSync(join(tmpdir(), 'metabase-embed-attempts-'));
  try {
    const result = spawnSync('node', ['--import', 'tsx', 'scripts/test.ts', ...args], {
      encoding: 'utf8',
      env: {...process.env, TEST_ATTEMPTS_DIR: attempts, ...env},
    });
    const output = `${result.stdout}${result.stderr}`;
    const lines = output.trimEnd().split('\n');
    return {status: result.status, output, lastLine: lines.at(-1), stderr: result.stderr};
  } finally {
    rmSync(attempts, {recursive: true, force: true});
  }
}

/** The lines of the totals' flaky list. */
const flakyList = (output: string) => output.split('\n').filter((line) => /^ {2}(node|chromium) test\//.test(line));

describe('npm test on files that fail', () => {
  test('a file that fails once is flaky and passes the run, counted once from its rerun', () => {
    const run = npmTest(['--browsers=chromium', ...flaky]);
    // Two tests in each file, the failed first run not counted.
    assert.equal(run.lastLine, '4 passed, 0 failed', run.output);
    assert.equal(run.status, 0);
    const listed = flakyList(run.output);
    assert.equal(listed.length, 2, run.output);
    assert.match(
      listed[0]!,
      /^ {2}node test\/machinery\/fixtures\/flaky\.node\.test\.ts, first run: fails on the first run only/,
    );
    assert.match(
      listed[1]!,
      /^ {2}chromium test\/machinery\/fixtures\/flaky\.test\.ts, first run: fails on the first run only/,
    );
  });

  test('a file that fails twice fails the run, beside a flaky one', () => {
    const run = npmTest(['--browsers=chromium', ...flaky, ...failing]);
    assert.equal(run.lastLine, '6 passed, 2 failed', run.output);
    assert.equal(run.status, 1);
    assert.equal(flakyList(run.output).length, 2, run.output);
    assert.match(run.output, /FAILED: test\/machinery\/fixtures\/failing\.node\.test\.ts: fails every time: always/);
    assert.match(run.output, /FAILED: test\/machinery\/fixtures\/failing\.test\.ts: fails every time: always/);
    // Each failing file ran twice: its first run and its rerun alone.
    assert.equal(run.output.match(/failing\.test\.ts failed; running it again, alone/g)?.length, 1);
    assert.equal(run.output.match(/failing\.node\.test\.ts failed; running it again, alone/g)?.length, 1);
  });
});

describe('npm test refuses what it cannot do', () => {
  const refused = (args: string[], message: RegExp, env: Record<string, string> = {}) => {
    const run = npmTest(args, env);
    assert.equal(run.status, 2, run.output);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.output, /passed, \d+ failed/, 'nothing ran');
  };

  test('an unknown flag, naming the valid ones', () => {
    refused(
      ['--grep', 'x'],
      /unknown flag: --grep[\s\S]*--node-only[\s\S]*--browser-only[\s\S]*--browsers=[\s\S]*--watch/,
    );
  });

  test('an engine it does not know', () => {
    refused(['--browsers=safari'], /--browsers: "safari" is not one of chromium, firefox, webkit/);
  });

  test('a test file that does not exist, or is not a test file', () => {
    refused(['test/nowhere.test.ts'], /no such test file: test\/nowhere\.test\.ts/);
    refused(['package.json'], /not a test file/);
  });

  test('an engine that is not on the machine, saying how to leave it out', () => {
    refused(
      [`${fixtures}/flaky.test.ts`, '--browsers=chromium'],
      /No Chromium \(chromium\): CHROME_PATH is \/nowhere\/chrome, which does not exist\.\nTo run without it: npm test -- --browsers=/,
      {
        CHROME_PATH: '/nowhere/chrome',
      },
    );
  });
});
