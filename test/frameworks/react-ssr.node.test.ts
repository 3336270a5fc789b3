// React on the server: react-dom/server renders <MetabaseEmbed> (metabase-embed/react)
// and a plain <metabase-embed> in Node (no DOM) without throwing, as the README says.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createElement} from 'react';
import {renderToString} from 'react-dom/server';
import jwt from 'jsonwebtoken';
import {MetabaseEmbed} from '../../src/react.js';
import {createEmbedHandler} from '../../src/server/index.js';

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

  // What a Next.js server component does with the wrapper: the attributes embedAttributes
  // returns are all text, and each is written as the attribute of its name, so the element
  // reads the token, site and filters from the HTML before React hydrates it (the wrapper
  // sets the same text again in the browser: nothing changes at hydration).
  it('metabase-embed/react: embedAttributes spread onto <MetabaseEmbed> come out as those attributes', async () => {
    const secretKey = 'a'.repeat(64);
    const handler = createEmbedHandler<{tenant: string}>({
      siteUrl: 'https://metabase.example',
      secretKey,
      resources: {'dashboard:1': {editable: ['category'], locked: (session) => ({tenant: session.tenant})}},
    });
    const attributes = await handler.embedAttributes({dashboard: 1, params: {category: 'Gizmo'}}, {tenant: 'Acme'});
    const markup = renderToString(createElement(MetabaseEmbed, {endpoint: '/api/metabase/embed', ...attributes}));
    const token = /token="([\w.-]+)"/.exec(markup)?.[1] ?? '';
    assert.equal(
      markup,
      `<metabase-embed endpoint="/api/metabase/embed" dashboard="1" params="{&quot;category&quot;:&quot;Gizmo&quot;}" site-url="https://metabase.example" token="${token}"></metabase-embed>`,
    );
    const claims = jwt.verify(token, secretKey, {algorithms: ['HS256']}) as {params: unknown};
    assert.deepEqual(claims.params, {category: 'Gizmo', tenant: 'Acme'});
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
