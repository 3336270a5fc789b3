// "No Node-only API in the core": the package entry bundles for the browser platform with
// no node: import, and the bundle signs and answers with only web-standard globals
// (Node's own names shadowed), as on Workers or Deno.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {build, type BuildOptions, type BuildResult} from 'esbuild';
import {SECRET, SITE, verifyWithJsonwebtoken} from './support.js';

const ENTRY = 'src/server/index.ts';
const browserBuild = {
  entryPoints: [ENTRY],
  bundle: true,
  platform: 'browser',
  write: false,
  logLevel: 'silent',
} satisfies BuildOptions;
let bundle: BuildResult<{write: false; metafile: true}>;
let iife: BuildResult<{write: false}>;

before(async () => {
  bundle = await build({...browserBuild, format: 'esm', metafile: true});
  iife = await build({...browserBuild, format: 'iife', globalName: 'MetabaseEmbedServer'});
});

test('bundles for the browser platform with no node: import and no import left over', () => {
  const inputs = Object.keys(bundle.metafile.inputs);
  assert.ok(
    inputs.some((input) => input.includes('node_modules/jose/')),
    'jose is bundled',
  );
  assert.deepEqual(
    inputs.filter((input) => input.startsWith('node:') || /^(fs|http|crypto|buffer)$/.test(input)),
    [],
  );
  for (const output of Object.values(bundle.metafile.outputs)) assert.deepEqual(output.imports, []);
});

test('the same check fails for code that needs a Node module (control)', async () => {
  await assert.rejects(
    build({
      stdin: {contents: "import {createHmac} from 'node:crypto'; console.log(createHmac);", resolveDir: '.'},
      bundle: true,
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    }),
    /node:crypto/,
  );
});

const NODE_GLOBALS: readonly PropertyKey[] = [
  'process',
  'Buffer',
  'global',
  'require',
  'module',
  'setImmediate',
  '__dirname',
  '__filename',
];

/**
 * Evaluates the IIFE bundle as a runtime without Node's globals would: a bare `process` or
 * `Buffer` throws ReferenceError, and `globalThis.process` is undefined. (A sloppy-mode
 * `with` over a proxy puts that layer in front of the real globals.)
 */
function loadWithoutNodeGlobals(code: string): typeof import('../../src/server/index.js') {
  const webGlobalThis = new Proxy(globalThis, {
    get: (target, name) => (NODE_GLOBALS.includes(name) ? undefined : Reflect.get(target, name)),
    has: (target, name) => !NODE_GLOBALS.includes(name) && Reflect.has(target, name),
  });
  const scope = new Proxy(
    {},
    {
      has: (_target, name) => NODE_GLOBALS.includes(name) || name === 'globalThis',
      get: (_target, name) => {
        if (name === 'globalThis') return webGlobalThis;
        if (name === Symbol.unscopables) return undefined;
        throw new ReferenceError(`${String(name)} is not defined`);
      },
    },
  );
  const body = code.replace(/^"use strict";/, '');
  // The point of this test: run the bundle where only `scope` is global (no Node globals).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('scope', `with (scope) { ${body}; return MetabaseEmbedServer; }`)(scope);
}

test('the bundle signs and serves with only web-standard globals', async () => {
  const server = loadWithoutNodeGlobals(iife.outputFiles[0]!.text);

  const token = await server.signEmbedToken({secretKey: SECRET, resource: {dashboard: 12}, params: {a: 1}});
  assert.deepEqual(verifyWithJsonwebtoken(token).params, {a: 1});

  // Without process the environment defaults are simply absent: the option is named as missing.
  const unset = server.createEmbedHandler({secretKey: SECRET, resources: {'dashboard:12': {}}});
  await assert.rejects(unset.embedAttributes({dashboard: 12}), {
    message: 'siteUrl is missing: pass it to createEmbedHandler or set METABASE_SITE_URL',
  });

  const handler = server.createEmbedHandler({
    siteUrl: SITE,
    secretKey: SECRET,
    resources: {'dashboard:12': {locked: () => Promise.resolve({tenant: 7})}},
  });
  const response = await handler(
    new Request('https://app.example/embed', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({resource: {dashboard: 12}}),
    }),
  );
  assert.equal(response.status, 200);
  const body = (await response.json()) as {token: string};
  assert.deepEqual(verifyWithJsonwebtoken(body.token).params, {tenant: 7});
});
