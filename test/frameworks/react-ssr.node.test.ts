// React on the server: react-dom/server renders <MetabaseEmbed> (metabase-embed/react)
// and a plain <metabase-embed> in Node (no DOM) without throwing, as the README says.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createElement} from 'react';
import {renderToString} from 'react-dom/server';
import {MetabaseEmbed} from '../../src/react.js';

describe('react-dom/server', () => {
  it('the built entries metabase-embed/react and metabase-embed/jsx import in Node', async () => {
    const wrapper = await import('metabase-embed/react');
    assert.equal(wrapper.MetabaseEmbed.displayName, 'MetabaseEmbed');
    assert.deepEqual(Object.keys(await import('metabase-embed/jsx')), []); // types only
  });

  it('metabase-embed/react: renders the tag with its attributes and light DOM; properties and listeners wait for the browser', () => {
    // A `param-*` attribute is not a declared prop: JSX allows dashed names, createElement
    // takes them from a props object that is not a fresh literal.
    const props = {
      dashboard: 1,
      endpoint: '/api/metabase/embed',
      params: {category: 'Gizmo'},
      className: 'sales',
      'param-state': 'CA',
      onMetabaseEmbedLoad: () => undefined,
    };
    const markup = renderToString(
      createElement(MetabaseEmbed, props, createElement('p', {slot: 'loading'}, 'Loading…')),
    );
    // @lit/react sets the element's properties (dashboard, endpoint, params) and its event
    // props on the element once React has it in the browser, not in the HTML.
    assert.equal(
      markup,
      '<metabase-embed class="sales" param-state="CA"><p slot="loading">Loading…</p></metabase-embed>',
    );
  });

  it('React 19, plain tag: string attributes in the HTML; objects, functions and listeners left to the browser', () => {
    const markup = renderToString(
      createElement(
        'metabase-embed',
        {
          dashboard: 1,
          endpoint: '/api/metabase/embed',
          params: {category: 'Gizmo'},
          fetchToken: () => Promise.resolve({url: 'https://metabase.example/embed/dashboard/x'}),
          'param-state': 'CA',
          'onmetabase-embed-load': () => undefined,
        },
        createElement('p', {slot: 'loading'}, 'Loading…'),
      ),
    );
    assert.equal(
      markup,
      '<metabase-embed dashboard="1" endpoint="/api/metabase/embed" param-state="CA"><p slot="loading">Loading…</p></metabase-embed>',
    );
  });
});
