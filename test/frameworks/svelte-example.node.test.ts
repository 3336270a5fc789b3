// The Svelte 5 example (examples/svelte/): svelte-check over its components (the
// onmetabase-embed-* handlers typed by metabase-embed/svelte), `vite build` against the packed
// package, its server.mjs serving the build and signing tokens, driven in Chromium against the
// emulator.
import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {before, describe, it} from 'node:test';
import {exampleSource, prepareExample, runExampleBin, startExampleServer} from './support/example-app.js';
import type {CommandResult} from './support/example-app.js';
import {itServesTheSalesDashboard, servedExample} from './support/example-checks.js';
import {sizesInBuild} from './support/example-size.js';

// Handlers as a user could get them wrong: svelte-check must report each (line: what it says).
const WRONG_HANDLERS = `<script lang="ts"></script>

<metabase-embed
  dashboard={1}
  onmetabase-embed-load={(event) => event.detail.reason}
  onmetabase-embed-error={(event: CustomEvent<{url: string}>) => event.detail.url}
  theme="blue"
></metabase-embed>
`;
const WRONG_HANDLER_ERRORS: Array<[line: number, says: string]> = [
  [5, "Property 'reason' does not exist on type 'MetabaseEmbedLoadDetail'"],
  [6, "is not assignable to type '(event: CustomEvent<MetabaseEmbedErrorDetail>) => void'"],
  [7, `Type '"blue"' is not assignable to type '"light" | "night" | "transparent" | undefined'`],
];

/**
 * `svelte-check` over the example (and WrongHandlers.svelte beside its App.svelte) in a folder
 * of its own with the prepared node_modules linked in: svelte-check skips every file whose
 * path has a node_modules folder in it, as the prepared example's has.
 */
function svelteCheck(prepared: string): CommandResult {
  const dir = mkdtempSync(join(tmpdir(), 'metabase-embed-svelte-check-'));
  try {
    cpSync(exampleSource('svelte'), dir, {recursive: true});
    symlinkSync(join(prepared, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'src/WrongHandlers.svelte'), WRONG_HANDLERS);
    return runExampleBin(dir, 'svelte-check/bin/svelte-check', [
      '--tsconfig',
      './tsconfig.app.json',
      '--output',
      'machine',
    ]);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** The problems in svelte-check's machine output. */
const problems = (output: string) =>
  [...output.matchAll(/^\d+ (?:ERROR|WARNING) "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(([, file, line, message]) => ({
    file: file!,
    line: Number(line),
    message: JSON.parse(`"${message!}"`) as string, // written as a JSON string
  }));

describe('Svelte 5 example (Vite, TypeScript)', () => {
  let dir = '';
  let check: CommandResult = {code: null, output: ''};
  let build: CommandResult = {code: null, output: ''};

  before(() => {
    dir = prepareExample('svelte', {outputs: ['dist']});
    check = svelteCheck(dir);
    // Source maps only so that the size report can tell the element's bytes apart.
    build = runExampleBin(dir, 'vite/bin/vite.js', ['build', '--sourcemap']);
    assert.equal(build.code, 0, build.output);
  });
  // After the build above: an emulator, `node server.mjs` against it, Chromium on its page.
  const example = servedExample((emulator, secretKey) => startExampleServer(dir, {siteUrl: emulator.url, secretKey}));

  it('svelte-check: no problem in the app; wrong handlers and props beside it are errors', () => {
    const found = problems(check.output);
    assert.deepEqual(
      found.filter(({file}) => file !== 'src/WrongHandlers.svelte'),
      [],
      check.output,
    );
    assert.deepEqual(
      found.map(({line}) => line),
      WRONG_HANDLER_ERRORS.map(([line]) => line),
      check.output,
    );
    WRONG_HANDLER_ERRORS.forEach(([, says], i) => assert.ok(found[i]!.message.includes(says), found[i]!.message));
  });

  it('vite build prints no warning', () => {
    assert.match(build.output, /built in/);
    assert.doesNotMatch(build.output, /warn/i);
  });

  itServesTheSalesDashboard(
    'svelte',
    () => ({app: example.page(), secretKey: example.secretKey, ...sizesInBuild(() => dir, 'dist')}),
    {initial: 'Gizmo', pick: 'Widget'},
  );

  it('its server logs no error or warning', () => {
    assert.doesNotMatch(example.served().output(), /error|warn/i);
  });
});
