// The shipped typings in TSX, type-checked by tsc against the build (dist/*.d.ts, reached
// by the package's own name as a consumer's import would be). Each `@ts-expect-error` line
// must be an error, so typings that accept anything fail this test too.
import assert from 'node:assert/strict';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {installReact18} from '../../support/react18.js';
import {consumerCompilerOptions, scratchTypeChecks} from './support/type-check.js';

const TSCONFIG = {
  compilerOptions: {...consumerCompilerOptions, jsx: 'react-jsx'},
  include: ['*.tsx'],
};

const REACT_19 = `
import 'metabase-embed';
import 'metabase-embed/jsx';
import {useRef} from 'react';
import type {MetabaseEmbedElement} from 'metabase-embed';

export function Valid() {
  const ref = useRef<MetabaseEmbedElement>(null);
  return (
    <metabase-embed
      ref={ref}
      dashboard={12}
      endpoint="/api/metabase/embed"
      param-category="Gizmo"
      params={{state: ['CA', 'NY'], year: 2024}}
      initialParams={{region: 'West'}}
      fetchToken={async ({resource, params, signal}) => ({url: String(resource) + JSON.stringify(params) + signal.aborted})}
      theme="night"
      min-height={300}
      style={{display: 'block'}}
      className="sales"
      onmetabase-embed-load={(event) => event.detail.url.toUpperCase()}
      onmetabase-embed-error={(event) => event.detail.willRetry}
      onmetabase-embed-token={(event) => event.detail.expiresAt}
    >
      <p slot="loading">Loading…</p>
    </metabase-embed>
  );
}

export const wrong = [
  // @ts-expect-error theme is light, night or transparent
  <metabase-embed theme="blue" />,
  // @ts-expect-error params is a JSON string or an object
  <metabase-embed params={42} />,
  // @ts-expect-error fetchToken is a function
  <metabase-embed fetchToken="/api" />,
  // @ts-expect-error the load event has no reason
  <metabase-embed onmetabase-embed-load={(event) => event.detail.reason} />,
  // @ts-expect-error not a property of the element
  <metabase-embed dashbord="12" />,
];
`;

const REACT_18_WRAPPER = `
import {MetabaseEmbed} from 'metabase-embed/react';

export const valid = (
  <MetabaseEmbed
    dashboard={12}
    endpoint="/api/metabase/embed"
    params={{category: 'Gizmo'}}
    fetchToken={async () => ({url: 'https://metabase.example/embed/dashboard/x'})}
    onMetabaseEmbedLoad={(event) => event.detail.url.toUpperCase()}
    onMetabaseEmbedError={(event) => event.detail.reason}
  />
);

export const wrong = [
  // @ts-expect-error theme is light, night or transparent
  <MetabaseEmbed theme="blue" />,
  // @ts-expect-error the error event has no url
  <MetabaseEmbed onMetabaseEmbedError={(event) => event.detail.url} />,
];
`;

const WITHOUT_JSX_MODULE = `
import 'metabase-embed';
export const tag = <metabase-embed dashboard={12} />;
`;

describe('TSX typings', () => {
  const typeCheckIn = scratchTypeChecks('jsx-types-');
  /** Type-checks `files` with tsc in a folder of their own (`paths` for another @types/react). */
  const typeCheckFiles = (name: string, files: Record<string, string>, paths?: Record<string, string[]>) =>
    typeCheckIn(
      'tsc',
      name,
      {...TSCONFIG, compilerOptions: {...TSCONFIG.compilerOptions, ...(paths && {paths})}},
      files,
    );

  it('React 19: <metabase-embed> with metabase-embed/jsx; React 18 wrapper: <MetabaseEmbed>', async () => {
    assert.deepEqual(
      await typeCheckFiles('valid', {'react19.tsx': REACT_19, 'react18-wrapper.tsx': REACT_18_WRAPPER}),
      {
        code: 0,
        output: '',
      },
    );
  });

  it('React 18 wrapper: <MetabaseEmbed> against @types/react 18', async () => {
    const types = resolve(installReact18(), '@types');
    const paths = {react: [`${types}/react`], 'react/*': [`${types}/react/*`]};
    assert.deepEqual(await typeCheckFiles('react18', {'react18-wrapper.tsx': REACT_18_WRAPPER}, paths), {
      code: 0,
      output: '',
    });
  });

  it('without metabase-embed/jsx, React 19 does not know the tag', async () => {
    const {code, output} = await typeCheckFiles('without-jsx-module', {'tag.tsx': WITHOUT_JSX_MODULE});
    assert.notEqual(code, 0);
    assert.match(output, /Property 'metabase-embed' does not exist on type 'JSX\.IntrinsicElements'/);
  });
});
