// The Angular example (examples/angular/): `ng build` against the packed package, its
// server.mjs serving the build and signing tokens, driven in Chromium against the emulator.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startEmulator} from '../../emulator/src/index.js';
import {exampleEnv, prepareExample, runExampleBin, startExampleProcess} from './support/example-app.js';
import type {CommandResult, RunningProcess} from './support/example-app.js';
import {axeViolations, openExample, shownParams, statusText, type ExamplePage} from './support/example-page.js';
import {elementBytesInBuild, fileSize, reportSizes} from './support/example-size.js';

describe('Angular example (standalone component, ng build)', () => {
  const secretKey = randomBytes(32).toString('hex');
  let dir = '';
  let build: CommandResult = {code: null, output: ''};
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  let server: RunningProcess | undefined;
  let app: ExamplePage | undefined;

  before(async () => {
    dir = prepareExample('angular', {outputs: ['dist', '.angular']});
    // Source maps only so that the size report can tell the element's bytes apart.
    build = runExampleBin(dir, '@angular/cli/bin/ng.js', ['build', '--source-map']);
    assert.equal(build.code, 0, build.output);
    emulator = await startEmulator({secretKey});
    server = await startExampleProcess(dir, ['server.mjs'], {
      env: exampleEnv({METABASE_SITE_URL: emulator.url, METABASE_SECRET_KEY: secretKey, PORT: '0'}),
      ready: /Open (http:\/\/127\.0\.0\.1:\d+\/)/,
    });
    app = await openExample(server.url, {secretKey});
  });
  after(async () => {
    await app?.close();
    await server?.close();
    await emulator?.close();
  });

  it('ng build prints no warning (no CommonJS dependency, no budget exceeded)', () => {
    assert.match(build.output, /Application bundle generation complete/);
    assert.doesNotMatch(build.output, /WARNING|CommonJS|warn/i);
  });

  it("shows the dashboard with the component's category in its first token, after one request", async () => {
    assert.deepEqual(await shownParams(app!, 'Gizmo', secretKey), {category: 'Gizmo', tenant: 'Acme'});
    // (metabase-embed-load) reaches the component, which counts it.
    assert.equal(await statusText(app!, 'Dashboard loaded 1 time(s)'), 'Dashboard loaded 1 time(s)');
    assert.equal(await app!.requestsBeforeFirstReady(), 1);
  });

  it('a category picked in the component re-signs exactly once', async () => {
    await app!.page.select('select', 'Widget');
    assert.deepEqual(await shownParams(app!, 'Widget', secretKey), {category: 'Widget', tenant: 'Acme'});
    // The second load event comes after the new token's page loaded: any second request for
    // the same change would have been made before it.
    assert.equal(await statusText(app!, 'Dashboard loaded 2 time(s)'), 'Dashboard loaded 2 time(s)');
    assert.deepEqual(await app!.tokenRequests(), [
      {resource: {dashboard: 1}, params: {category: 'Gizmo'}},
      {resource: {dashboard: 1}, params: {category: 'Widget'}},
    ]);
  });

  it('nothing logged, no token request wasted, no axe violation', async () => {
    const violations = await axeViolations(app!);
    const report = {
      consoleProblems: app!.consoleProblems,
      failedTokenRequests: await app!.failedTokenRequests(),
      duplicates: await app!.duplicateTokenRequests(),
      violations,
    };
    console.log(
      `# angular: ${String(await app!.requestsBeforeFirstReady())} token request(s) before the first ready embed, ` +
        `${report.consoleProblems.length} console errors/warnings, ${report.failedTokenRequests.length} failed or aborted, ` +
        `${report.duplicates.length} duplicate, ${violations.length} axe violations`,
    );
    assert.deepEqual(report, {consoleProblems: [], failedTokenRequests: [], duplicates: [], violations: []});
    assert.doesNotMatch(server!.output(), /error|warn/i);
  });

  it('the element in the app build, next to the CDN bundle', () => {
    const element = elementBytesInBuild(join(dir, 'dist/sales/browser'));
    const cdn = fileSize(join(dir, 'node_modules/metabase-embed/dist/cdn/metabase-embed.js'));
    reportSizes('angular', {element, cdn});
    // The build holds the element: lit's reactive element and iframe-resizer came with it.
    assert.ok(element.bytes > cdn.bytes / 2, `${element.bytes} B of element in the build`);
  });
});
