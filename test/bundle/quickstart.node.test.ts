// The README's quickstart, run as written by a new user would: its marked code blocks
// (`<!-- quickstart:run=… -->` are shell steps, `<!-- quickstart:file=NAME -->` files) in a
// scratch folder laid out as the README assumes (`my-app` beside a `metabase-embed` folder
// holding the packed tarball and the emulator), then its page opened in Chromium until the
// emulator's dashboard shows in the cross-origin iframe.
//
// Two things differ from a reader's terminal, both through the environment, not the text:
// the emulator's `--port 3001` becomes `--port 0` (tests never take a fixed port), so the
// server gets the printed URL as METABASE_SITE_URL (the environment wins over `.env` in
// `node --env-file`) and PORT=0.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {launchChromium, type LaunchedChromium} from '../../support/chromium.js';
import {markedBlock, markedBlocks} from '../../support/markdown.js';
import {salesOverview, waitForEmbed} from '../frameworks/support/embed-view.js';

const projectDir = resolve('.');
const steps = markedBlocks('quickstart');
const step = (key: string) => markedBlock('quickstart', key).body;

const scratch = mkdtempSync(join(tmpdir(), 'metabase-embed-quickstart-'));
const clone = join(scratch, 'metabase-embed');
const appDir = join(scratch, 'my-app');
const running: ChildProcess[] = [];
let chromium: LaunchedChromium | undefined;

function sh(script: string, env: Record<string, string> = {}) {
  const result = spawnSync('sh', ['-e', '-c', script], {cwd: appDir, encoding: 'utf8', env: {...process.env, ...env}});
  assert.equal(result.status, 0, `${script}\nfailed: ${result.stderr}`);
}

/** Starts a long-running step; resolves with the first match of `ready` in its output. */
function start(script: string, ready: RegExp, env: Record<string, string> = {}): Promise<string> {
  // Its own process group, so that stopping it stops `node` too and not only `sh`.
  const child = spawn('sh', ['-e', '-c', script], {cwd: appDir, detached: true, env: {...process.env, ...env}});
  running.push(child);
  return new Promise((resolveMatch, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolveMatch(match[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`${script}\nexited with ${code} before it was ready:\n${output}`)));
  });
}

before(() => {
  mkdirSync(clone);
  mkdirSync(appDir);
  // What the README's `npm pack` in the clone leaves there, and the clone's (built) emulator.
  const [packed] = JSON.parse(
    spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', clone], {
      cwd: projectDir,
      encoding: 'utf8',
    }).stdout,
  ) as Array<{filename: string}>;
  assert.ok(packed, 'npm pack listed no tarball');
  symlinkSync(join(projectDir, 'emulator'), join(clone, 'emulator'));
});

after(async () => {
  await chromium?.close();
  for (const child of running) if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
  rmSync(scratch, {recursive: true, force: true});
});

describe("the README's quickstart, as written", () => {
  test('its steps are marked, in the order a reader takes them', () => {
    assert.deepEqual(
      steps.map(({key, language, page}) => `${page}: ${key} (${language})`),
      [
        'run=install (sh)',
        'run=emulator (sh)',
        'file=server.mjs (js)',
        'file=index.html (html)',
        'run=server (sh)',
      ].map((step) => `README.md: ${step}`),
    );
  });

  test('installs the package, makes a secret, starts the emulator and the endpoint; the page shows the dashboard', async () => {
    sh(step('run=install'), {npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false'});
    const env = readFileSync(join(appDir, '.env'), 'utf8');
    assert.match(env, /^METABASE_SECRET_KEY=[0-9a-f]{64}$/m);

    const emulatorStep = step('run=emulator');
    assert.equal(emulatorStep.split('--port 3001').length, 2, 'the emulator step names --port 3001 once');
    const siteUrl = await start(
      emulatorStep.replace('--port 3001', '--port 0'),
      /emulator running at (http:\/\/127\.0\.0\.1:\d+)/,
    );

    for (const {key, body} of steps)
      if (key.startsWith('file=')) writeFileSync(join(appDir, key.slice('file='.length)), `${body}\n`);
    const pageUrl = await start(step('run=server'), /Open (http:\/\/127\.0\.0\.1:\d+)/, {
      PORT: '0',
      METABASE_SITE_URL: siteUrl,
    });

    chromium = await launchChromium('quickstart');
    const page = await chromium.browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // The browser's own /favicon.ico request gets the server's 404 (a real app has an icon).
      if (new URL(message.location().url ?? pageUrl).pathname === '/favicon.ico') return;
      if (['error', 'warn'].includes(message.type())) problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    const tokenRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/metabase/embed') tokenRequests.push(request.method());
    });
    await page.goto(pageUrl);

    // The token is verified with jsonwebtoken and the .env secret; the frame has drawn its cards.
    const secretKey = /^METABASE_SECRET_KEY=(.*)$/m.exec(env)![1]!;
    assert.deepEqual(await waitForEmbed(page, undefined, secretKey), salesOverview());
    const src = await page.$eval('metabase-embed >>> iframe[part~="iframe"]', (frame) => frame.src);
    assert.ok(src.startsWith(`${siteUrl}/embed/dashboard/`), src);
    assert.deepEqual(tokenRequests, ['POST']);
    assert.deepEqual(problems, []);
  });
});
