// The package in an app that uses neither React nor Vue, as such an app installs and bundles
// it: no install script runs, no React typings arrive, runtime dependencies take ranges, and
// a Vite or esbuild build of `import 'metabase-embed'` is the CDN bundle's code (at most 2 %
// larger). Sizes are printed next to the CDN bundle's, measured in the same run.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build as viteBuild} from 'vite';
import {cdnSettingsForEsbuild} from '../../scripts/cdn-settings.js';
import {fileGzipBytes, gzipBytes, minifiedBundle} from '../../scripts/bundle-sizes.js';
import {installApp, packProject} from './packed-package.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabase-embed-plain-app-'));
const appDir = join(scratch, 'app');
let installOutput = '';

before(() => {
  const {stdout, stderr} = installApp(appDir, [packProject(scratch)]);
  installOutput = stdout + stderr;
  writeFileSync(join(appDir, 'main.js'), "import 'metabase-embed';\n");
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
});

after(() => rmSync(scratch, {recursive: true, force: true}));

/** At most this much larger than the CDN bundle: the same code, another bundler's wrapping. */
const MAX_RATIO = 1.02;
/**
 * esbuild's minifier is weaker than the CDN build's terser passes (its own build of the CDN
 * bundle's sources is ~6 % larger than the bundle), so the same code lands ~2.6 % above it.
 * 3 % still fails on lit's index (+20 %) or iframe-resizer's debug logging (+3.5 %).
 */
const MAX_RATIO_ESBUILD = 1.03;
const cdnBytes = () => fileGzipBytes('dist/cdn/metabase-embed.js');
const percent = (bytes: number, base: number) => `${((bytes / base - 1) * 100).toFixed(1)} %`;

describe('installed into an app without React or Vue', () => {
  test('runs no install script of ours (no prepare: npm prints no install-scripts line for it)', () => {
    const manifest = JSON.parse(readFileSync(join(appDir, 'node_modules/metabase-embed/package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'];
    assert.deepEqual(
      Object.keys(manifest.scripts ?? {}).filter((name) => lifecycle.includes(name)),
      [],
    );
    assert.doesNotMatch(installOutput, /metabase-embed@[^ ]+ \((?:pre|post)?(?:install|prepare)/);
  });

  test('brings neither React typings nor lit parts the element does not import', () => {
    for (const name of ['@types/react', 'csstype', 'react', '@lit/react', 'lit', 'lit-html', 'lit-element']) {
      assert.ok(!existsSync(join(appDir, 'node_modules', name)), `${name} was installed`);
    }
    const installed = readdirSync(join(appDir, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installed.sort(), ['@lit', '@lit-labs', 'jose', 'metabase-embed']);
  });

  test('runtime dependencies are ranges, so an app shares its own copies', () => {
    const {dependencies} = JSON.parse(readFileSync('package.json', 'utf8')) as {dependencies: Record<string, string>};
    for (const [name, range] of Object.entries(dependencies)) assert.match(range, /^\^\d+\.\d+\.\d+$/, name);
  });

  test('iframe-resizer ships as exactly 4.3.2 (MIT; 5.x is GPL-3.0), vendored in dist/vendor/', () => {
    const {devDependencies} = JSON.parse(readFileSync('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    assert.equal(devDependencies['iframe-resizer'], '4.3.2');
    const vendored = readFileSync(join(appDir, 'node_modules/metabase-embed/dist/vendor/iframe-resizer.js'), 'utf8');
    assert.match(vendored, /^\/\*! iframe-resizer 4\.3\.2 \| MIT \| Copyright \(c\) 2013-2021 David J\. Bradshaw \*\//);
  });
});

describe("a bundler's build of import 'metabase-embed' against the CDN bundle", () => {
  test('Vite (the default production build of a page that imports it)', async (t) => {
    const outDir = join(scratch, 'vite-dist');
    await viteBuild({root: appDir, logLevel: 'silent', configFile: false, build: {outDir}});
    const assets = join(outDir, 'assets');
    const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
    assert.equal(scripts.length, 1, scripts.join(', '));
    const bytes = fileGzipBytes(join(assets, scripts[0]!));
    t.diagnostic(`Vite: ${bytes} B gzip; CDN ES module bundle: ${cdnBytes()} B (${percent(bytes, cdnBytes())})`);
    assert.ok(
      bytes <= cdnBytes() * MAX_RATIO,
      `Vite's build is ${percent(bytes, cdnBytes())} larger than the CDN bundle`,
    );
  });

  test("esbuild (bundle and minify), next to its own build of the CDN bundle's sources", async (t) => {
    const bytes = gzipBytes(
      await minifiedBundle({entryPoints: [join(appDir, 'main.js')], format: 'esm', absWorkingDir: appDir}),
    );
    // The same sources as the CDN bundle, minified by esbuild instead of terser: what esbuild
    // itself makes of that code.
    const floor = gzipBytes(
      await minifiedBundle({entryPoints: ['src/cdn.ts'], format: 'esm', ...cdnSettingsForEsbuild()}),
    );
    t.diagnostic(
      `esbuild: ${bytes} B gzip; CDN ES module bundle (terser): ${cdnBytes()} B (${percent(bytes, cdnBytes())}); ` +
        `esbuild's build of the CDN sources: ${floor} B (${percent(bytes, floor)})`,
    );
    // The same code is what counts: next to esbuild's own build of the CDN sources (one
    // minifier on both sides) the app's build stays within MAX_RATIO; next to the terser
    // bundle, within esbuild's weaker minifying.
    assert.ok(bytes <= floor * MAX_RATIO, `esbuild's build is ${percent(bytes, floor)} larger than the CDN sources`);
    assert.ok(
      bytes <= cdnBytes() * MAX_RATIO_ESBUILD,
      `esbuild's build is ${percent(bytes, cdnBytes())} larger than the CDN bundle`,
    );
  });
});
