// metabase-embed/svelte: the props Svelte 5's tooling (svelte-check) checks a template's
// <metabase-embed> against (`SvelteHTMLElements` of svelte/elements), type-checked by tsc
// against the build. Each `@ts-expect-error` must sit on an error, so typings that accept
// anything fail this test too.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {consumerCompilerOptions, scratchTypeChecks} from './support/type-check.js';

const TSCONFIG = {compilerOptions: {...consumerCompilerOptions}, include: ['*.ts']};

const IMPORT = `import 'metabase-embed/svelte';\n`;

const PROPS = `import type {SvelteHTMLElements} from 'svelte/elements';

type Props = SvelteHTMLElements['metabase-embed'];

// As in <metabase-embed dashboard={12} params={{…}} onmetabase-embed-load={…} class="sales">.
export const valid: Props = {
  dashboard: 12,
  endpoint: '/api/metabase/embed',
  params: {state: ['CA', 'NY'], year: 2024},
  initialParams: {region: 'West'},
  fetchToken: async ({resource, params, signal}) => ({url: String(resource) + JSON.stringify(params) + signal.aborted}),
  theme: 'night',
  'min-height': 300,
  'param-category': 'Gizmo',
  class: 'sales',
  'onmetabase-embed-load': (event) => event.detail.url.toUpperCase(),
  'onmetabase-embed-error': (event) => event.detail.willRetry,
};

export const wrong: Props[] = [
  // @ts-expect-error theme is light, night or transparent
  {theme: 'blue'},
  // @ts-expect-error params is a JSON string or an object
  {params: 42},
  // @ts-expect-error fetchToken is a function
  {fetchToken: '/api'},
  // @ts-expect-error the load event has no reason
  {'onmetabase-embed-load': (event) => event.detail.reason},
];
`;

describe('Svelte 5 typings (metabase-embed/svelte)', () => {
  const typeCheckIn = scratchTypeChecks('svelte-types-');

  it('the attributes, properties and onmetabase-embed-* handlers of <metabase-embed> are typed', async () => {
    assert.deepEqual(await typeCheckIn('tsc', 'valid', TSCONFIG, {'main.ts': IMPORT, 'props.ts': PROPS}), {
      code: 0,
      output: '',
    });
  });

  it('without metabase-embed/svelte the tag is untyped: the wrong props are no errors', async () => {
    const {code, output} = await typeCheckIn('tsc', 'without', TSCONFIG, {'props.ts': PROPS});
    assert.notEqual(code, 0);
    assert.match(output, /Unused '@ts-expect-error' directive/);
  });
});
