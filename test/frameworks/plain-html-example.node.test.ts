// The plain HTML example (examples/plain-html/): its page, served from one origin, loads the
// element from the CDN address (answered with the packed package's dist/cdn bundle), and its
// server.mjs, run with node on another origin, signs tokens for that page only, reading the
// session cookie that credentials="include" sends. Driven in Chromium against the emulator.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startEmulator} from '../../emulator/src/index.js';
import {closeServer, listen, originOf} from '../../support/http.js';
import {cdnBase} from '../../scripts/cdn-snippets.js';
import {exampleEnv, packageVersion, prepareExample, startExampleProcess} from './support/example-app.js';
import type {RunningProcess} from './support/example-app.js';
import {itServesTheSalesDashboard} from './support/example-checks.js';
import {openExample, type ExamplePage} from './support/example-page.js';
import {fileSize} from './support/example-size.js';

// The endpoint's origin as index.html writes it; the test serves the page with the one it got.
const WRITTEN_ENDPOINT_ORIGIN = 'http://127.0.0.1:3001';

describe('plain HTML example (CDN bundle, endpoint on another origin)', () => {
  const secretKey = randomBytes(32).toString('hex');
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  let endpoint: RunningProcess | undefined;
  let app: ExamplePage | undefined;
  let cdnFile = '';
  const pageServer = createServer();

  before(async () => {
    const dir = prepareExample('plain-html');
    cdnFile = join(dir, 'node_modules/metabase-embed/dist/cdn/metabase-embed.js');
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    assert.ok(html.includes(`${WRITTEN_ENDPOINT_ORIGIN}/api/metabase/embed`), 'index.html names its endpoint');
    emulator = await startEmulator({secretKey});
    const pageOrigin = originOf('127.0.0.1', await listen(pageServer, '127.0.0.1', [0]));
    endpoint = await startExampleProcess(dir, ['server.mjs'], {
      env: exampleEnv({
        METABASE_SITE_URL: emulator.url,
        METABASE_SECRET_KEY: secretKey,
        APP_ORIGIN: pageOrigin,
        PORT: '0',
      }),
      ready: /Token endpoint: (http:\/\/127\.0\.0\.1:\d+)\//,
    });
    const served = html.replaceAll(WRITTEN_ENDPOINT_ORIGIN, endpoint.url);
    pageServer.on('request', (req, res) => {
      if (req.url !== '/') return void res.writeHead(404).end();
      res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'}).end(served);
    });
    app = await openExample(`${pageOrigin}/`, {
      cdn: {url: `${cdnBase(packageVersion())}/metabase-embed.js`, file: cdnFile},
    });
  });
  after(async () => {
    await app?.close();
    await endpoint?.close();
    await closeServer(pageServer);
    await emulator?.close();
  });

  itServesTheSalesDashboard('plain-html', () => ({
    app: app!,
    secretKey,
    // The page loads the CDN bundle itself: the element is that file.
    elementSize: () => fileSize(cdnFile),
    cdnSize: () => fileSize(cdnFile),
  }));

  it('asks another origin for tokens, and loads the element once from the CDN address', () => {
    assert.notEqual(new URL(endpoint!.url).origin, new URL(app!.page.url()).origin);
    assert.equal(app!.cdnRequests(), 1);
  });
});
