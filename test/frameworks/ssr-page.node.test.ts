// The server-rendered page (test/frameworks/apps/ssr/page.ts): the server writes <metabase-embed>
// with the visitor's filter; the element's script is held back until the test lets it
// through, so the page is seen before and after the upgrade. The script is the element's
// development bundle, as a dev server would serve it.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {HTTPRequest} from 'puppeteer-core';
import {ssrApp} from './apps/ssr/page.js';
import {buildDevelopmentScript, startApp, type RunningApp} from './support/built-app.js';
import {
  pickCategory,
  quietFirstLoad,
  refiltered,
  salesOverview,
  statusOnceItReads,
  waitForEmbed,
} from './support/embed-view.js';

describe('server-rendered page', () => {
  let app: RunningApp;
  let elementScript: Promise<HTTPRequest>;

  const scriptDir = mkdtempSync(join(tmpdir(), 'metabase-embed-ssr-script-'));

  before(async () => {
    app = await startApp(ssrApp({script: await buildDevelopmentScript(scriptDir)}));
    await app.page.setRequestInterception(true);
    elementScript = new Promise((resolve) => {
      app.page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/metabase-embed.js') resolve(request);
        else void request.continue();
      });
    });
    // Not awaited: the page cannot finish loading while its deferred script is held.
    void app.page.goto(`${app.host.url}?category=Widget`).catch(() => undefined);
  });
  after(async () => {
    await app?.close();
    rmSync(scriptDir, {recursive: true, force: true});
  });

  it('before the script: the tag the server wrote, with its loading text', async () => {
    await elementScript;
    await app.page.waitForSelector('[role=status]');
    const before = await app.page.$eval('metabase-embed', (embed) => ({
      defined: customElements.get('metabase-embed') !== undefined,
      shadowRoot: embed.shadowRoot !== null,
      attributes: embed.getAttributeNames().map((name) => `${name}=${embed.getAttribute(name)}`),
      text: (embed as HTMLElement).innerText.trim(),
    }));
    assert.deepEqual(before, {
      defined: false,
      shadowRoot: false,
      attributes: [
        'dashboard=1',
        'endpoint=/api/metabase/embed',
        'theme=light',
        'min-height=300',
        'param-category=Widget',
      ],
      text: 'Loading the sales dashboard…',
    });
  });

  it('once the script arrives: the same tag shows the dashboard with the server-written filter', async () => {
    await (await elementScript).continue();
    const shown = await waitForEmbed(app.page, 'Widget', app.host.secretKey);
    assert.deepEqual(shown, salesOverview('Widget'));
    // The page script added its listener to the element before it was upgraded.
    assert.equal(await statusOnceItReads(app.page, 'Dashboard loaded 1 time(s)'), 'Dashboard loaded 1 time(s)');
    // The element wrote no attribute of its own (no resize, no aria-busy) on the server's tag.
    assert.deepEqual(await app.page.$eval('metabase-embed', (embed) => embed.getAttributeNames()), [
      'dashboard',
      'endpoint',
      'theme',
      'min-height',
      'param-category',
    ]);
  });

  it('on load: one token request per embed, no console warning or error (development builds)', async () => {
    assert.deepEqual(await app.firstLoad, quietFirstLoad(1));
  });

  it('a category picked on the page re-signs and reaches the page through the load event', async () => {
    const picked = await pickCategory(app, {category: 'Gadget', loads: 2, select: 'select[name=category]'});
    assert.deepEqual(picked, refiltered('Gadget', 2));
  });
});
