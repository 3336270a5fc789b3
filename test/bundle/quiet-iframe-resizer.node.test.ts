// The CDN bundles carry iframe-resizer's parent script without its debug-logging calls
// (scripts/quiet-iframe-resizer.ts): calls that print only with `log: true`, which the
// element never passes. Its warnings, which print whatever the options, must all stay.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {
  debugLogFunctions,
  iframeResizerParentScript,
  quietIframeResizerForEsbuild,
  withoutDebugLogging,
} from '../../scripts/quiet-iframe-resizer.js';
import {minifiedBundle} from '../../scripts/bundle-sizes.js';

const parentScriptPath = 'node_modules/iframe-resizer/js/iframeResizer.js';
const parentScript = readFileSync(parentScriptPath, 'utf8');
const bundles = ['dist/cdn/metabase-embed.js', 'dist/cdn/metabase-embed.iife.js'];

/** Calls of the bare function `name` in `code`, its own declaration left out. */
function callsOf(code: string, name: string): number {
  return [...code.matchAll(new RegExp(`(?<![\\w$.]|function\\s+)${name}\\(`, 'g'))].length;
}

/** The text of each string literal passed to `name(…)` in iframe-resizer's own source. */
function messagesOf(name: string): string[] {
  const literal = new RegExp(`\\b${name}\\(\\s*(?:[^,()]+,\\s*)?'([^']{12,})'`, 'g');
  const messages = [...parentScript.matchAll(literal)];
  return messages.map((match) => match[1]!);
}

const debugMessages = debugLogFunctions.flatMap(messagesOf);
const warnings = messagesOf('warn');

describe('iframe-resizer without its debug logging', () => {
  test('the plugin takes only iframe-resizer 4.3.2 parent script', () => {
    assert.ok(iframeResizerParentScript.test(`/repo/${parentScriptPath}`));
    assert.ok(!iframeResizerParentScript.test('/repo/node_modules/iframe-resizer/js/iframeResizer.contentWindow.js'));
    assert.ok(!iframeResizerParentScript.test('/repo/src/controllers/resizer.ts'));
  });

  test('every log and info call goes, every warn call stays', async () => {
    for (const name of debugLogFunctions) assert.ok(callsOf(parentScript, name) > 0, `no ${name}() in the source`);
    const {code} = await withoutDebugLogging(parentScript, parentScriptPath);
    for (const name of debugLogFunctions) assert.equal(callsOf(code, name), 0, `${name}() calls left`);
    assert.equal(callsOf(code, 'warn'), callsOf(parentScript, 'warn'));
    assert.ok(callsOf(code, 'warn') >= 10);
  });

  test("a dropped call's arguments that do something are still done", async () => {
    const code = 'function log(id, msg) {}\nlog(id, "moved to " + next());\nwarn(id, "kept");\n';
    const quiet = await withoutDebugLogging(code, 'iframeResizer.js');
    assert.match(quiet.code, /next\(\)/);
    assert.match(quiet.code, /warn\(id, "kept"\)/);
    assert.doesNotMatch(quiet.code, /moved to/);
  });

  test('the source has the messages the bundle checks look for', () => {
    assert.ok(debugMessages.length >= 15, `only ${debugMessages.length} debug messages found in the source`);
    assert.ok(warnings.length >= 5, `only ${warnings.length} warnings found in the source`);
  });

  /** Fails unless `shipped` has none of iframe-resizer's debug messages and all of its warnings. */
  function assertQuiet(shipped: string, bundle: string): void {
    for (const message of debugMessages) assert.ok(!shipped.includes(message), `${bundle} still has "${message}"`);
    for (const message of warnings) assert.ok(shipped.includes(message), `${bundle} lost "${message}"`);
  }

  for (const bundle of bundles) {
    test(`${bundle}: no debug message of iframe-resizer, all of its warnings`, () => {
      assertQuiet(readFileSync(bundle, 'utf8'), bundle);
    });
  }

  test('the esbuild plugin of the size figures does the same', async () => {
    const bundle = await minifiedBundle({
      stdin: {contents: "import 'iframe-resizer/js/iframeResizer.js';", resolveDir: process.cwd()},
      plugins: [quietIframeResizerForEsbuild()],
    });
    assertQuiet(new TextDecoder().decode(bundle), 'the esbuild bundle');
  });
});
