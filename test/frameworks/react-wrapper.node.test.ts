// metabase-embed/react on the server: react-dom/server renders <MetabaseEmbed> in Node
// (no DOM) without throwing, and writes what a browser can upgrade.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createElement} from 'react';
import {renderToString} from 'react-dom/server';
import {MetabaseEmbed} from '../../src/react.js';

describe('metabase-embed/react with react-dom/server', () => {
  it('renders the tag with its attributes and light DOM; properties and listeners wait for the browser', () => {
    const markup = renderToString(
      createElement(
        MetabaseEmbed,
        {
          dashboard: 1,
          endpoint: '/api/metabase/embed',
          params: {category: 'Gizmo'},
          className: 'sales',
          'param-state': 'CA',
          onMetabaseEmbedLoad: () => undefined,
        },
        createElement('p', {slot: 'loading'}, 'Loading…'),
      ),
    );
    // @lit/react sets the element's properties (dashboard, endpoint, params) and its event
    // props on the element once React has it in the browser, not in the HTML.
    assert.equal(
      markup,
      '<metabase-embed class="sales" param-state="CA"><p slot="loading">Loading…</p></metabase-embed>',
    );
  });
});
