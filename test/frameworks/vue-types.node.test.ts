// metabase-embed/vue in a Vue template, type-checked by vue-tsc against the build (as the
// Vue app's tsconfig does). Each `@vue-expect-error` must sit on an error, so typings that
// accept anything fail this test too.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {consumerCompilerOptions, scratchTypeChecks} from './support/type-check.js';

const TSCONFIG = {
  compilerOptions: {...consumerCompilerOptions},
  include: ['*.ts', '*.vue'],
};

const MAIN = `import 'metabase-embed/vue';\n`;

const TEMPLATE = `<script setup lang="ts">
import type {MetabaseEmbedErrorDetail} from 'metabase-embed';
const height = 300;
const onError = (event: CustomEvent<MetabaseEmbedErrorDetail>) => event.detail.willRetry;
const fetchToken = async () => ({url: 'https://metabase.example/embed/dashboard/x'});
</script>

<template>
  <metabase-embed
    :dashboard="12"
    endpoint="/api/metabase/embed"
    :params="{state: ['CA', 'NY']}"
    :initialParams="{region: 'West'}"
    :fetchToken="fetchToken"
    theme="night"
    min-height="300"
    :maxHeight="height"
    param-category="Gizmo"
    @metabase-embed-load="(event) => event.detail.url.toUpperCase()"
    @metabase-embed-error="onError"
  />
  <!-- @vue-expect-error theme is light, night or transparent -->
  <metabase-embed theme="blue" />
  <!-- @vue-expect-error params is an object of filter values (Vue sets the property) -->
  <metabase-embed :params="42" />
  <!-- @vue-expect-error fetchToken is a function -->
  <metabase-embed :fetch-token="'/api'" />
  <!-- @vue-expect-error the load event has no reason -->
  <metabase-embed @metabase-embed-load="(event) => event.detail.reason" />
</template>
`;

describe('Vue template typings (metabase-embed/vue)', () => {
  const typeCheckIn = scratchTypeChecks('vue-types-');

  it('vue-tsc checks <metabase-embed> bindings and listeners against the element', async () => {
    assert.deepEqual(await typeCheckIn('vue-tsc', 'valid', TSCONFIG, {'main.ts': MAIN, 'Embed.vue': TEMPLATE}), {
      code: 0,
      output: '',
    });
  });

  it('without metabase-embed/vue the tag is untyped: the wrong bindings are no errors', async () => {
    const {code, output} = await typeCheckIn('vue-tsc', 'without', TSCONFIG, {'Embed.vue': TEMPLATE});
    assert.notEqual(code, 0);
    assert.match(output, /Unused '@ts-expect-error' directive/);
  });
});
