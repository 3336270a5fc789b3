// Each CDN bundle names every package it carries code from, with that package's version,
// licence and copyright line, in its /*! banner; the full licence texts ship beside the
// bundles. Which packages a bundle carries is read from its source map (every module that
// left code in it), not from the licence plugin, so a dependency the plugin missed fails here.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

const bundles = ['dist/cdn/metabase-embed.js', 'dist/cdn/metabase-embed.iife.js'];
const licensesFile = 'dist/cdn/THIRD-PARTY-LICENSES.txt';

/** Package names of the node_modules files in a source map's `sources`. */
function bundledPackages(bundle: string): string[] {
  const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as {sources: string[]};
  const names = map.sources.map((source) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1]);
  return [...new Set(names.filter((name) => name !== undefined))].sort();
}

function packageFacts(name: string) {
  const dir = join('node_modules', name);
  const {version, license} = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, string>;
  const licenseFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((file) => join(dir, file)).find(existsSync);
  assert.ok(licenseFile, `${name} ships no LICENSE file`);
  const text = readFileSync(licenseFile, 'utf8');
  const copyright = text
    .split('\n')
    .find((line) => line.trim().startsWith('Copyright'))
    ?.trim()
    .replace(/\.?\s*All rights reserved\.?$/, '');
  return {version, license, text: text.trim(), copyright};
}

const leadingComment = (code: string) => /^\/\*![\s\S]*?\*\//.exec(code)?.[0] ?? '';

describe('CDN bundle licence notices', () => {
  for (const bundle of bundles) {
    const packages = bundledPackages(bundle);
    const banner = leadingComment(readFileSync(bundle, 'utf8'));

    test(`${bundle} carries code from @lit/reactive-element and iframe-resizer only (read from its source map)`, () => {
      // Not lit-html or LitElement: the element is a ReactiveElement and imports only
      // @lit/reactive-element. Not jose: the element decodes token payloads itself (src/embed/token-answer.ts: decodeJwtPayload).
      assert.deepEqual(packages, ['@lit/reactive-element', 'iframe-resizer']);
    });

    test(`${bundle} opens with a /*! notice naming each bundled package, version, licence and copyright`, () => {
      assert.match(banner, /metabase-embed \d+\.\d+\.\d+ \| MIT/);
      for (const name of packages) {
        const {version, license, copyright} = packageFacts(name);
        assert.ok(banner.includes(`${name} ${version}`), `${bundle}: no "${name} ${version}" in its banner`);
        const line = banner.split('\n').find((text) => text.includes(`${name} ${version}`))!;
        assert.ok(line.includes(license!), `${bundle}: ${name}'s line lacks its licence ${license}: ${line}`);
        assert.ok(copyright && line.includes(copyright), `${bundle}: ${name}'s line lacks "${copyright}": ${line}`);
      }
    });

    test(`${bundle} is lit's production build (no dev-mode code) with its source map`, () => {
      const code = readFileSync(bundle, 'utf8');
      assert.doesNotMatch(code, /Lit is in dev mode/);
      const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as {sources: string[]; sourcesContent: string[]};
      assert.ok(!map.sources.some((source) => source.includes('/development/')), 'a lit development module is bundled');
      assert.equal(map.sourcesContent.filter(Boolean).length, map.sources.length, 'the map lacks some sources');
      assert.ok(code.trimEnd().endsWith(`//# sourceMappingURL=${bundle.split('/').pop()}.map`));
    });
  }

  test(`${licensesFile} holds the full licence text of every bundled package`, () => {
    const texts = readFileSync(licensesFile, 'utf8');
    const normalise = (text: string) => text.replace(/\s+/g, ' ');
    for (const name of new Set(bundles.flatMap(bundledPackages))) {
      const {version, text} = packageFacts(name);
      assert.ok(texts.includes(`Name: ${name}\nVersion: ${version}`), `${name} ${version} is not listed`);
      assert.ok(normalise(texts).includes(normalise(text)), `${name}'s licence text is missing`);
    }
  });
});
