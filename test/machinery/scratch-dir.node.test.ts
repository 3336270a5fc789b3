// support/scratch-dir.ts: a browser's process that outlives it may still be writing its
// shader cache when the run removes its scratch folder; that must cost a warning, not the run.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {once} from 'node:events';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {makeScratchDir, removeScratchDir} from '../../support/scratch-dir.js';

/** A process that keeps writing files under `dir` until killed; resolves once it has written one. */
async function startLateWriter(dir: string) {
  const code = `
    const {mkdirSync, writeFileSync} = require('node:fs');
    let n = 0, told = false;
    for (;;) {
      try {
        mkdirSync(process.argv[1], {recursive: true});
        writeFileSync(process.argv[1] + '/shader-' + n++, 'x'.repeat(4096));
        if (!told) { told = true; process.stdout.write('writing\\n'); }
      } catch {}
    }`;
  const writer = spawn(process.execPath, ['-e', code, dir], {stdio: ['ignore', 'pipe', 'inherit']});
  await once(writer.stdout, 'data');
  return writer;
}

describe('scratch folders', () => {
  test('removes a folder and everything in it', () => {
    const dir = makeScratchDir('scratch-test');
    mkdirSync(join(dir, 'cache', 'mesa_shader_cache'), {recursive: true});
    writeFileSync(join(dir, 'cache', 'mesa_shader_cache', 'index'), 'x');
    removeScratchDir(dir);
    assert.equal(existsSync(dir), false);
  });

  test('a writer still at work costs a warning at most, and the folder goes once it stops', async (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    for (let round = 0; round < 5; round++) {
      const dir = makeScratchDir('scratch-test');
      const writer = await startLateWriter(join(dir, 'cache', 'mesa_shader_cache'));
      try {
        assert.doesNotThrow(() => removeScratchDir(dir));
      } finally {
        writer.kill();
        await once(writer, 'exit');
      }
      removeScratchDir(dir);
      assert.equal(existsSync(dir), false);
    }
    for (const call of warn.mock.calls) assert.match(String(call.arguments[0]), /^Left .*metabase-embed-scratch-test-/);
  });
});
