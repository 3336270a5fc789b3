import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';

test('the build wrote the script-tag bundle', () => {
  assert.ok(existsSync('dist/cdn/metabase-embed.iife.js'));
});
