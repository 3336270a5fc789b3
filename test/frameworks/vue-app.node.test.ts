// The Vue 3 app (demo/frameworks/vue/), built with Vite (isCustomElement in its
// vite.config.ts) and driven in Chromium against the emulator.
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

describe('Vue 3 app', () => {
  const app = builtAppForTests('vue');

  it('type-checks its template against metabase-embed/vue from the build (vue-tsc)', async () => {
    assert.deepEqual(await typeCheck('vue-tsc', `${appRoot('vue')}tsconfig.json`), {code: 0, output: ''});
  });

  it('shows the dashboard through the endpoint attribute', async () => {
    const shown = await waitForEmbed(app().page, undefined, app().host.secretKey);
    assert.deepEqual(shown, salesOverview());
    assert.equal(await statusOnceItReads(app().page, 'Dashboard loaded 1 time(s)'), 'Dashboard loaded 1 time(s)');
  });

  it('on load: one token request per embed, no console warning or error (development builds)', async () => {
    assert.deepEqual(await app().firstLoad, quietFirstLoad(1));
  });

  it('a category picked in the app re-signs (:params set as a property), @metabase-embed-load counts it', async () => {
    assert.deepEqual(await pickCategory(app(), {category: 'Widget', loads: 2}), refiltered('Widget', 2));
  });
});
