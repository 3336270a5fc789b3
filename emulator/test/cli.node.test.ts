// `metabase-embed-emulator`: spawned for real, from the sources and from the build.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {once} from 'node:events';
import {TEST_SECRET, dashboardToken} from '../../support/emulator-node.js';
import {parseCliArgs, UsageError} from '../src/http/cli-args.js';

const SOURCE_CLI = ['--import', 'tsx', 'emulator/src/http/cli.ts'];
/** The command as npm links it: the bin that emulator/package.json names (it runs dist/). */
const {bin} = JSON.parse(readFileSync('emulator/package.json', 'utf8')) as {bin: Record<string, string>};
const BUILT_CLI = `emulator/${bin['metabase-embed-emulator']}`;
/** What the bin runs: it exists only once the package is built. */
const BUILT_SERVER = 'emulator/dist/http/cli.js';

/** Runs the CLI to completion and returns its exit code and output. */
async function runToExit(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [...SOURCE_CLI, ...args], {
    env: {...process.env, METABASE_SECRET_KEY: '', ...env},
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  return {code: code as number, stdout, stderr};
}

/** Starts the CLI, waits for the URL it prints, and hands back a way to stop it. */
async function runUntilUrl(command: string[]) {
  const child = spawn(process.execPath, command, {env: {...process.env, METABASE_SECRET_KEY: ''}});
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/running at (http:\/\/\S+)/);
      if (found) resolve(found[1]!);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`CLI exited (${code}) before printing its URL:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      return code as number;
    },
  };
}

describe('metabase-embed-emulator CLI', () => {
  test('prints its loopback URL and serves embeds signed with --secret', async () => {
    const cli = await runUntilUrl([...SOURCE_CLI, '--port', '0', '--secret', TEST_SECRET]);
    try {
      assert.match(cli.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${cli.url}/api/embed/dashboard/${dashboardToken()}`);
      assert.equal(response.status, 200);
      assert.ok(!cli.output().includes(TEST_SECRET), 'the secret is never printed');
    } finally {
      assert.equal(await cli.stop(), 0);
    }
  });

  for (const [name, args, message] of [
    ['a missing secret', ['--port', '0'], /--secret is required \(or set METABASE_SECRET_KEY\)/],
    [
      'a malformed secret',
      ['--port', '0', '--secret', 'c0ffee'],
      /--secret must be exactly 64 hexadecimal characters .*got 6 characters/,
    ],
    ['an unknown flag', ['--prot', '3000'], /Unknown argument "--prot"/],
    ['a bad port', ['--port', 'eighty', '--secret', TEST_SECRET], /--port must be a number from 0 to 65535/],
    [
      'an unknown plan',
      ['--port', '0', '--secret', TEST_SECRET, '--plan', 'free'],
      /--plan must be "oss" or "pro" \(got "free"\)/,
    ],
  ] as const) {
    test(`${name}: a clear message and exit code 2`, async () => {
      const {code, stderr} = await runToExit([...args]);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.match(stderr, /Usage: metabase-embed-emulator/);
      assert.ok(!stderr.includes('c0ffee"'), 'the bad secret is not echoed');
    });
  }

  test('--content: invalid JSON or invalid content exits 2 naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    try {
      writeFileSync(join(dir, 'broken.json'), '{"questions": [');
      writeFileSync(
        join(dir, 'invalid.json'),
        JSON.stringify({questions: [], dashboards: [{id: 0, name: 'x', dashcards: []}]}),
      );
      const broken = await runToExit(['--port', '0', '--secret', TEST_SECRET, '--content', join(dir, 'broken.json')]);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /broken\.json" is not valid JSON/);
      const invalid = await runToExit(['--port', '0', '--secret', TEST_SECRET, '--content', join(dir, 'invalid.json')]);
      assert.equal(invalid.code, 2);
      assert.match(invalid.stderr, /dashboards\[0\]\.id must be a positive integer \(got 0\)/);
      const missing = await runToExit(['--port', '0', '--secret', TEST_SECRET, '--content', join(dir, 'nope.json')]);
      assert.deepEqual([missing.code, /Cannot read --content file .*ENOENT/.test(missing.stderr)], [2, true]);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  test('the secret may come from METABASE_SECRET_KEY instead of the command line', () => {
    assert.equal(parseCliArgs(['--port', '0'], {METABASE_SECRET_KEY: TEST_SECRET}).secretKey, TEST_SECRET);
    assert.equal(
      parseCliArgs(['--secret=' + 'a'.repeat(64)], {METABASE_SECRET_KEY: TEST_SECRET}).secretKey,
      'a'.repeat(64),
    );
    assert.throws(() => parseCliArgs(['--secret']), UsageError);
    assert.deepEqual(parseCliArgs([]), {
      help: false,
      port: 3000,
      host: '127.0.0.1',
      secretKey: undefined,
      contentFile: undefined,
      plan: 'oss',
      cardDelayMs: 0,
    });
    assert.equal(parseCliArgs(['--card-delay', '3000']).cardDelayMs, 3000);
    for (const bad of ['-1', '1.5', 'slow', '600001'])
      assert.throws(
        () => parseCliArgs(['--card-delay', bad]),
        /--card-delay must be a whole number of milliseconds from 0 to 600000/,
      );
  });

  test('--plan: open source by default, pro on demand; the page tells its script, the terminal says which', async () => {
    for (const [args, plan, said] of [
      [[], 'oss', /Plan: open source/],
      [['--plan', 'pro'], 'pro', /Plan: pro/],
    ] as const) {
      const cli = await runUntilUrl([...SOURCE_CLI, '--port', '0', '--secret', TEST_SECRET, ...args]);
      try {
        const page = await (await fetch(`${cli.url}/embed/dashboard/${dashboardToken()}`)).text();
        assert.match(page, new RegExp(`data-plan="${plan}"`));
        assert.match(cli.output(), said);
      } finally {
        await cli.stop();
      }
    }
  });

  test('the built bin keeps its #!/usr/bin/env node line and runs', async () => {
    assert.ok(existsSync(BUILT_SERVER), `${BUILT_SERVER} is missing: run \`npm run build\` (npm test does)`);
    assert.equal(readFileSync(BUILT_CLI, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    const cli = await runUntilUrl([BUILT_CLI, '--port', '0', '--secret', TEST_SECRET]);
    try {
      const page = await fetch(`${cli.url}/app/embed/embed-page.js`);
      assert.equal(page.status, 200); // the built page script sits next to the built server
    } finally {
      await cli.stop();
    }
  });
});
