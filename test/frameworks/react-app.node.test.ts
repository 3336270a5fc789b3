// The React 19 app (demo/frameworks/react/), built with Vite and driven in Chromium against
// the emulator: attributes, `params` as a property, `fetchToken` and event props.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appRoot} from '../../demo/frameworks/build.js';
import {typeCheck} from './support/type-check.js';
import {builtAppForTests} from './support/built-app.js';
import {
  pickCategory,
  quietFirstLoad,
  refiltered,
  salesOverview,
  statusOnceItReads,
  waitForEmbed,
} from './support/embed-view.js';

describe('React 19 app', () => {
  const app = builtAppForTests('react');

  it('type-checks its TSX (tsc, with metabase-embed/jsx from the build)', async () => {
    assert.deepEqual(await typeCheck('tsc', `${appRoot('react')}tsconfig.json`), {code: 0, output: ''});
  });

  it('shows the dashboard, asked for through its fetchToken', async () => {
    const shown = await waitForEmbed(app().page, undefined, app().host.secretKey);
    assert.deepEqual(shown, salesOverview());
    // The app's fetchToken sends a header of its own; the element's own transport would not.
    assert.deepEqual(
      app().tokenRequests.map((req) => req.headers['x-requested-with']),
      ['metabase-embed-react-demo'],
    );
    assert.equal(await statusOnceItReads(app().page, 'Dashboard loaded 1 time(s)'), 'Dashboard loaded 1 time(s)');
  });

  it('on load: one token request per embed, no console warning or error (development builds)', async () => {
    assert.deepEqual(await app().firstLoad, quietFirstLoad(1));
  });

  it('a category picked in the app re-signs: params set as a property reach the token', async () => {
    // onmetabase-embed-load, added by React 19 as a listener, counts the second load.
    assert.deepEqual(await pickCategory(app(), {category: 'Gizmo', loads: 2}), refiltered('Gizmo', 2));
  });
});
