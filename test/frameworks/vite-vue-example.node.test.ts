// The Vite + Vue 3 example (examples/vite-vue/) as its user runs it: `vue-tsc -b` and
// `vite build` against the packed package, `node server.mjs` for the token endpoint, and
// `vite preview`, which forwards /api to it; driven in Chromium against the emulator.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startEmulator} from '../../emulator/src/index.js';
import {itServesTheSalesDashboard} from './support/example-checks.js';
import {openExample, type ExamplePage} from './support/example-page.js';
import {elementBytesInBuild, fileSize} from './support/example-size.js';
import {startViteExample, type ViteExample} from './support/vite-example.js';

describe('Vite + Vue 3 example', () => {
  const secretKey = randomBytes(32).toString('hex');
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  let example: ViteExample | undefined;
  let app: ExamplePage | undefined;

  before(async () => {
    emulator = await startEmulator({secretKey});
    example = await startViteExample('vite-vue', {typeCheck: ['vue-tsc/bin/vue-tsc.js', '-b'], emulator, secretKey});
    app = await openExample(example.url, {secretKey});
  });
  after(async () => {
    await app?.close();
    await example?.close();
    await emulator?.close();
  });

  it('type-checks its templates (vue-tsc -b, with metabase-embed/vue) and builds (vite build) with nothing to say', () => {
    assert.deepEqual(example!.typeCheck, {code: 0, output: ''});
    assert.equal(example!.build.code, 0, example!.build.output);
    assert.doesNotMatch(example!.build.output, /warn|error/i);
  });

  itServesTheSalesDashboard('vite-vue', () => ({
    app: app!,
    secretKey,
    elementSize: () => elementBytesInBuild(join(example!.dir, 'dist')),
    cdnSize: () => fileSize(join(example!.dir, 'node_modules/metabase-embed/dist/cdn/metabase-embed.js')),
  }));
});
