// Which test files npm test finds, and which of them make it build first (scripts/test-files.ts).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {discoverTests, filesNeedingBuild} from '../../scripts/test-files.js';

describe('discoverTests', () => {
  const found = discoverTests();

  test("finds the test files of test/ and of each workspace's test/", () => {
    assert.ok(found.includes('test/element/attributes.test.ts'));
    assert.ok(found.includes('emulator/test/cli.node.test.ts'));
  });

  test('leaves out fixtures, which only their own tests run', () => {
    assert.deepEqual(
      found.filter((file) => file.includes('fixtures')),
      [],
    );
  });
});

describe('filesNeedingBuild', () => {
  // [file, why it reads the build, or null when it does not]
  const cases: Array<[string, string | null]> = [
    ['test/element/attributes.test.ts', null],
    ['test/embed/attributes/params.node.test.ts', null],
    ['test/machinery/fixtures/dist-in-comment.ts', null],
    ['test/machinery/fixtures/dist-in-helper.ts', 'a module it imports names dist/'],
    ['test/bundle/cdn.test.ts', 'it loads /dist/cdn/metabase-embed.iife.js'],
    ['test/bundle/api-consistency.node.test.ts', 'it reads custom-elements.json'],
    ['test/e2e/filters.test.ts', "it uses the demo's test server"],
    ['test/server/package-entry.node.test.ts', 'it imports metabase-embed/server'],
    ['test/machinery/fixtures/imports-workspace.ts', 'it imports metabase-embed-emulator, a workspace'],
    ['emulator/test/cli.node.test.ts', 'it runs emulator/dist/http/cli.js'],
  ];

  test('reads what each file imports, however deep, and not its comments', async () => {
    const needing = new Set(await filesNeedingBuild(cases.map(([file]) => file)));
    for (const [file, why] of cases)
      assert.equal(needing.has(file), why !== null, `${file}: ${why ?? 'reads no build'}`);
  });
});
