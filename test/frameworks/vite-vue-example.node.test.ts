// The Vite + Vue 3 example (examples/vite-vue/) as its user runs it: `vue-tsc -b` and
// `vite build` against the packed package, `node server.mjs` for the token endpoint, and
// `vite preview`, which forwards /api to it; driven in Chromium against the emulator. Then
// the same checks under `vite` (`npm run dev`): development builds of Lit and Vue, whose
// warnings must not appear either.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {itServesTheSalesDashboard, servedExample} from './support/example-checks.js';
import {sizesInBuild} from './support/example-size.js';
import {describeUnderViteDev, logRunTime, seconds, startViteExample} from './support/vite-example.js';

describe('Vite + Vue 3 example', () => {
  logRunTime('vite-vue, production build', () => {
    const {prepare, typeCheck, build, ready} = example.served().timings;
    return `npm pack and dependencies ${seconds(prepare)}, vue-tsc -b ${seconds(typeCheck)}, vite build ${seconds(build)}, vite preview ready in ${seconds(ready)}`;
  });
  const example = servedExample((emulator, secretKey) =>
    startViteExample('vite-vue', {typeCheck: ['vue-tsc/bin/vue-tsc.js', '-b'], emulator, secretKey}),
  );

  it('type-checks its templates (vue-tsc -b, with metabase-embed/vue) and builds (vite build) with nothing to say', () => {
    assert.deepEqual(example.served().typeCheck, {code: 0, output: ''});
    assert.equal(example.served().build.code, 0, example.served().build.output);
    assert.doesNotMatch(example.served().build.output, /warn|error/i);
  });

  itServesTheSalesDashboard('vite-vue', () => ({
    app: example.page(),
    secretKey: example.secretKey,
    ...sizesInBuild(() => example.served().dir, 'dist'),
  }));
});

describeUnderViteDev('vite-vue', 'Vite + Vue 3 example under its dev server (vite)');
