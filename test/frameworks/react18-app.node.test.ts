// The React 18 app (test/frameworks/apps/react18/), with React 18 from a cache folder (never a
// dependency of the package), built with Vite and driven in Chromium against the emulator
// through <MetabaseEmbed> (metabase-embed/react); then rendered by React 18's react-dom/server.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {appRoot, buildServerEntry} from './apps/build.js';
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

const tsconfig = `${appRoot('react18')}tsconfig.json`;

describe('React 18 app', () => {
  const app = builtAppForTests('react18');

  it('type-checks its TSX against @types/react 18 (tsc, with metabase-embed/react from the build)', async () => {
    assert.deepEqual(await typeCheck('tsc', tsconfig), {code: 0, output: ''});
    // Every React type it read is 18's, also where metabase-embed's and @lit/react's .d.ts import react.
    const {output} = await typeCheck('tsc', tsconfig, '--listFilesOnly');
    const reactTypes = output.split('\n').filter((file) => /\/@types\/react(-dom)?\//.test(file));
    assert.ok(reactTypes.length > 0, output);
    assert.deepEqual(
      reactTypes.filter((file) => !file.includes('/node_modules/.cache/metabase-embed-frameworks/react18/')),
      [],
    );
  });

  it('React 18 renders the page and the dashboard shows; props with an attribute are written as attributes too', async () => {
    assert.equal(await app().page.$eval('h1', (heading) => heading.textContent), 'metabase-embed in React 18.3.1');
    const shown = await waitForEmbed(app().page, undefined, app().host.secretKey);
    assert.deepEqual(shown, salesOverview());
    assert.equal(await statusOnceItReads(app().page, 'Dashboard loaded 1 time(s)'), 'Dashboard loaded 1 time(s)');
    // React 18 alone would write params="[object Object]"; the wrapper writes JSON and sets the
    // property. The element writes no attribute of its own (no resize="auto", no aria-busy): what
    // the server rendered is what React finds when it hydrates.
    const element = await app().page.$eval('metabase-embed', (embed) => ({
      attributes: embed.getAttributeNames(),
      params: embed.params,
      minHeight: embed.minHeight,
    }));
    assert.deepEqual(element, {
      attributes: ['dashboard', 'endpoint', 'params', 'theme', 'min-height'],
      params: {},
      minHeight: 300,
    });
  });

  it('on load: one token request per embed, no console warning or error (development builds)', async () => {
    assert.deepEqual(await app().firstLoad, quietFirstLoad(1));
  });

  it('a category picked in the app re-signs; onMetabaseEmbedLoad reaches the app', async () => {
    assert.deepEqual(await pickCategory(app(), {category: 'Gizmo', loads: 2}), refiltered('Gizmo', 2));
  });
});

describe('React 18 on the server', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'metabase-embed-react18-ssr-'));
  after(() => rmSync(outDir, {recursive: true, force: true}));

  it('react-dom/server 18 renders the app, <MetabaseEmbed> as the tag with its light DOM, in Node', async () => {
    const server = (await import(await buildServerEntry('react18', 'src/server.tsx', outDir))) as {
      reactVersion: string;
      renderApp(): string;
    };
    assert.equal(server.reactVersion, '18.3.1');
    const markup = server.renderApp();
    assert.match(markup, /^<main><h1>metabase-embed in React <!-- -->18\.3\.1<\/h1>/);
    // Attributes for what has one, so the element reads its filters before hydration;
    // listeners are added in the browser, once React has the element.
    assert.ok(
      markup.includes(
        '<metabase-embed dashboard="1" endpoint="/api/metabase/embed" params="{}" theme="light" min-height="300"><p slot="loading">Loading the sales dashboard…</p></metabase-embed>',
      ),
      markup,
    );
  });
});
