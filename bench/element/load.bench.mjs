#!/usr/bin/env node
// Benchmark (not a test; asserts nothing about time): how long <metabase-embed> takes from being
// inserted to its `metabase-embed-load` event, next to baselines measured in the same browser and
// run, against the same local servers:
//   plain iframe    a hand-written <iframe> with a URL signed beforehand (no token round trip)
//   fetch + iframe  hand-written code that POSTs to the endpoint, then sets the iframe's src
// plus the gzip size of the script-tag bundle next to lit + iframe-resizer alone.
//
//   npm run build && node --import tsx bench/element/load.bench.mjs [--runs=30]
//
// Chromium: CHROME_PATH, else /usr/bin/chromium. Variants run interleaved, in a rotating order,
// each on a fresh page, after one discarded warm-up round.
import {createServer} from 'node:http';
import {readFileSync, existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import puppeteer from 'puppeteer-core';
import {startEmbedPageServer} from '../../test/support/embed-page-server.ts';
import {createSigningEndpoint} from '../../test/support/embed-page-endpoint.ts';
import {dependenciesGzipBytes, fileGzipBytes, ownCodeGzipBytes} from '../../test/bundle/bundle-sizes.ts';
import {chromiumFlags, requireChromiumPath} from '../../scripts/chromium.mjs';

const bundleFile = 'dist/cdn/metabase-embed.iife.js';
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 20);
const timeoutMs = 15_000;
const resource = {dashboard: 12};
const endpointPath = '/__test-endpoint/sign?height=400';

if (!existsSync(bundleFile)) {
  console.error(`${bundleFile} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

/** The host app: a blank page that loads the bundle the way CDN users do, and the signing endpoint. */
async function startHost(embedOrigin) {
  const endpoint = createSigningEndpoint({embedOrigin, secret: randomBytes(32).toString('hex')});
  const bundle = readFileSync(bundleFile);
  const server = createServer(async (req, res) => {
    if (await endpoint.handle(req, res)) return;
    if (req.url === '/bundle.js') {
      res.writeHead(200, {'Content-Type': 'text/javascript'}).end(bundle);
    } else {
      res
        .writeHead(200, {'Content-Type': 'text/html'})
        .end('<!doctype html><title>bench</title><script src="/bundle.js"></script><body></body>');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => (server.closeAllConnections(), server.close()),
  };
}

// Each runs inside the page and resolves with the milliseconds it took.
const variants = {
  'metabase-embed': ({endpoint, timeoutMs}) =>
    new Promise((resolve, reject) => {
      const element = document.createElement('metabase-embed');
      element.setAttribute('dashboard', '12');
      element.setAttribute('endpoint', endpoint);
      const started = performance.now();
      element.addEventListener('metabase-embed-load', () => resolve(performance.now() - started), {once: true});
      element.addEventListener('metabase-embed-error', (event) => reject(new Error(event.detail?.message)), {
        once: true,
      });
      setTimeout(() => reject(new Error('no metabase-embed-load event')), timeoutMs);
      document.body.append(element);
    }),
  'fetch + iframe': ({endpoint, resource, timeoutMs}) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const iframe = document.createElement('iframe');
      iframe.addEventListener('load', () => resolve(performance.now() - started), {once: true});
      setTimeout(() => reject(new Error('the iframe never loaded')), timeoutMs);
      fetch(endpoint, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({resource, params: {}}),
      })
        .then((response) => response.json())
        .then(({url}) => {
          iframe.src = url;
          document.body.append(iframe);
        }, reject);
    }),
  'plain iframe': ({presignedUrl, timeoutMs}) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const iframe = document.createElement('iframe');
      iframe.addEventListener('load', () => resolve(performance.now() - started), {once: true});
      setTimeout(() => reject(new Error('the iframe never loaded')), timeoutMs);
      iframe.src = presignedUrl;
      document.body.append(iframe);
    }),
};

async function presign(hostOrigin) {
  const response = await fetch(new URL(endpointPath, hostOrigin), {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({resource, params: {}}),
  });
  return (await response.json()).url;
}

async function measure(browser, hostOrigin, name) {
  const page = await browser.newPage();
  try {
    await page.goto(hostOrigin, {waitUntil: 'load'});
    const presignedUrl = await presign(hostOrigin);
    return await page.evaluate(variants[name], {endpoint: endpointPath, resource, presignedUrl, timeoutMs});
  } finally {
    await page.close();
  }
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  return {median: at(0.5), mean, p90: at(0.9), min: sorted[0], max: sorted.at(-1)};
}

const ms = (x) => x.toFixed(1).padStart(8);
const kib = (bytes) => `${bytes} B (${(bytes / 1024).toFixed(1)} KiB)`;

const embedPage = await startEmbedPageServer();
const host = await startHost(embedPage.origin);
const profile = mkdtempSync(join(tmpdir(), 'metabase-embed-bench-'));
const browser = await puppeteer.launch({
  executablePath: requireChromiumPath(),
  headless: true,
  userDataDir: profile,
  args: chromiumFlags,
});

try {
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = -1; round < runs; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(round, 0)) % names.length]; // rotate who goes first
      const elapsed = await measure(browser, host.origin, name);
      if (round >= 0) samples[name].push(elapsed); // round -1 warms the browser and servers up
    }
  }

  console.log(
    `\nInsert → loaded, ${runs} runs each (ms), Chromium ${await browser.version()}, local loopback servers\n`,
  );
  console.log(`${'variant'.padEnd(16)}${['median', 'mean', 'p90', 'min', 'max'].map((h) => h.padStart(8)).join('')}`);
  const baseline = summary(samples['plain iframe']).median;
  for (const name of names) {
    const s = summary(samples[name]);
    const extra =
      name === 'plain iframe' ? '' : `   (+${(s.median - baseline).toFixed(1)} ms median over plain iframe)`;
    console.log(`${name.padEnd(16)}${ms(s.median)}${ms(s.mean)}${ms(s.p90)}${ms(s.min)}${ms(s.max)}${extra}`);
  }

  console.log('\nGzip sizes (level 9)');
  console.log(`  ${bundleFile.padEnd(46)} ${kib(fileGzipBytes(bundleFile))}`);
  console.log(`  ${'lit + iframe-resizer alone (esbuild-minified)'.padEnd(46)} ${kib(await dependenciesGzipBytes())}`);
  console.log(
    `  ${'element own code (dist/metabase-embed.js)'.padEnd(46)} ${kib(await ownCodeGzipBytes('dist/metabase-embed.js'))}`,
  );
} finally {
  await browser.close();
  host.close();
  await embedPage.close();
  rmSync(profile, {recursive: true, force: true});
}
