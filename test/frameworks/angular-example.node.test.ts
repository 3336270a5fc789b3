// The Angular example (examples/angular/): `ng build` against the packed package, its
// server.mjs serving the build and signing tokens, driven in Chromium against the emulator.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startEmulator} from '../../emulator/src/index.js';
import {exampleEnv, prepareExample, runExampleBin, startExampleProcess} from './support/example-app.js';
import type {CommandResult, RunningProcess} from './support/example-app.js';
import {itServesTheSalesDashboard} from './support/example-checks.js';
import {openExample, type ExamplePage} from './support/example-page.js';
import {elementBytesInBuild, fileSize} from './support/example-size.js';

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

  itServesTheSalesDashboard(
    'angular',
    () => ({
      app: app!,
      secretKey,
      elementSize: () => elementBytesInBuild(join(dir, 'dist/sales/browser')),
      cdnSize: () => fileSize(join(dir, 'node_modules/metabase-embed/dist/cdn/metabase-embed.js')),
    }),
    {initial: 'Gizmo', pick: 'Widget'},
  );

  it('its server logs no error or warning', () => {
    assert.doesNotMatch(server!.output(), /error|warn/i);
  });
});
