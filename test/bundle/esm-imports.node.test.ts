// The built ESM entries, imported in Node the way server-side rendering would: none may throw,
// and registering <metabase-embed> twice must be harmless.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {pathToFileURL} from 'node:url';

const entries = {
  'metabase-embed': 'dist/index.js',
  'metabase-embed/define': 'dist/define.js',
  'metabase-embed/element': 'dist/metabase-embed.js',
  'metabase-embed/server': 'dist/server/index.js',
  // The emulator is a package of its own (the workspace emulator/), a devDependency of ours.
  'metabase-embed-emulator': 'emulator/dist/index.js',
};

/** Imports one specifier in a fresh Node (no tsx, no other module loaded first). */
function importInFreshNode(specifier: string) {
  const script = `await import(${JSON.stringify(specifier)}); console.log(import.meta.resolve(${JSON.stringify(specifier)}));`;
  return spawnSync(process.execPath, ['--input-type=module', '--eval', script], {encoding: 'utf8'});
}

describe('ESM entries in Node', () => {
  for (const [specifier, file] of Object.entries(entries)) {
    test(`import "${specifier}" resolves to ${file} and does not throw`, () => {
      const result = importInFreshNode(specifier);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout.trim(), pathToFileURL(file).href);
    });
  }

  test('the package root registers <metabase-embed> in the server-side registry', async () => {
    await import('metabase-embed');
    assert.equal(typeof customElements.get('metabase-embed'), 'function');
  });

  test('a second copy of the define module, and a second define call, change nothing', async () => {
    const {defineMetabaseEmbed} = await import('metabase-embed/define');
    const registered = customElements.get('metabase-embed');
    await import(`${pathToFileURL('dist/define.js').href}?second-copy`);
    defineMetabaseEmbed();
    defineMetabaseEmbed();
    assert.equal(customElements.get('metabase-embed'), registered);
  });
});
