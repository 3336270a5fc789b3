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

  it('the built metabase-embed/react is a client module: its first line is the "use client" directive', async () => {
    const {readFile} = await import('node:fs/promises');
    const built = await readFile(new URL(import.meta.resolve('metabase-embed/react')), 'utf8');
    assert.equal(built.split('\n')[0], "'use client';");
  });

  it('metabase-embed/react: renders every prop that has an attribute as one (objects as JSON); functions and listeners wait for the browser', () => {
    // A `param-*` attribute is not a declared prop: JSX allows dashed names, createElement
    // takes them from a props object that is not a fresh literal.
    const props = {
      dashboard: 1,
      endpoint: '/api/metabase/embed',
      params: {category: 'Gizmo'},
      siteUrl: 'https://metabase.example',
      bordered: false,
      minHeight: 300,
      fetchToken: () => Promise.resolve({url: 'https://metabase.example/embed/dashboard/x'}),
      className: 'sales',
      'param-state': 'CA',
      onMetabaseEmbedLoad: () => undefined,
    };
    const markup = renderToString(
      createElement(MetabaseEmbed, props, createElement('p', {slot: 'loading'}, 'Loading…')),
    );
    // The element reads these before React hydrates it (and before React 19 would set a
    // property); fetchToken and the event props are set on the element in the browser.
    assert.equal(
      markup,
      '<metabase-embed dashboard="1" endpoint="/api/metabase/embed" params="{&quot;category&quot;:&quot;Gizmo&quot;}" site-url="https://metabase.example" bordered="false" min-height="300" class="sales" param-state="CA"><p slot="loading">Loading…</p></metabase-embed>',
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
