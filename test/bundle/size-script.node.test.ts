// `npm run size`'s per-module gzip column (scripts/size.ts): leaving a module out takes what
// only it uses along, and leaves what others still use.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundleGzipBytes, gzipSavedWithout} from '../../scripts/size.js';

const entry = 'src/cdn.ts';

test('without the resizer module, iframe-resizer (only it imports it) leaves the bundle too', async () => {
  const whole = await bundleGzipBytes(entry);
  const saved = await gzipSavedWithout(entry, 'src/controllers/resizer.ts', whole);
  // iframe-resizer's parent script alone is over 5 kB gzip.
  assert.ok(saved > 5000, `expected over 5000 B saved, got ${saved}`);
});

test('without a helper that others use too, only its own few bytes go', async () => {
  const whole = await bundleGzipBytes(entry);
  const saved = await gzipSavedWithout(entry, 'src/embed/plain-object.ts', whole);
  assert.ok(saved >= 0 && saved < 100, `expected under 100 B saved, got ${saved}`);
});
