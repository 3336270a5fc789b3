// The Angular example (examples/angular/): `ng build` against the packed package, its
// server.mjs serving the build and signing tokens, driven in Chromium against the emulator.
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {prepareExample, runExampleBin, startExampleServer} from './support/example-app.js';
import type {CommandResult} from './support/example-app.js';
import {itServesTheSalesDashboard, servedExample} from './support/example-checks.js';
import {sizesInBuild} from './support/example-size.js';

describe('Angular example (standalone component, ng build)', () => {
  let dir = '';
  let build: CommandResult = {code: null, output: ''};

  before(() => {
    dir = prepareExample('angular', {outputs: ['dist', '.angular']});
    // Source maps only so that the size report can tell the element's bytes apart.
    build = runExampleBin(dir, '@angular/cli/bin/ng.js', ['build', '--source-map']);
    assert.equal(build.code, 0, build.output);
  });
  // After the build above: an emulator, `node server.mjs` against it, Chromium on its page.
  const example = servedExample((emulator, secretKey) => startExampleServer(dir, {siteUrl: emulator.url, secretKey}));

  it('ng build prints no warning (no CommonJS dependency, no budget exceeded)', () => {
    assert.match(build.output, /Application bundle generation complete/);
    assert.doesNotMatch(build.output, /WARNING|CommonJS|warn/i);
  });

  itServesTheSalesDashboard(
    'angular',
    () => ({app: example.page(), secretKey: example.secretKey, ...sizesInBuild(() => dir, 'dist/sales/browser')}),
    {initial: 'Gizmo', pick: 'Widget'},
  );

  it('its server logs no error or warning', () => {
    assert.doesNotMatch(example.served().output(), /error|warn/i);
  });
});
