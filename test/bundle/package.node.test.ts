// The package as a consumer gets it: `npm pack` once (of the dist/ that `npm test` just built),
// installed from the tarball into a scratch app, then every `exports` entry imported there in
// a fresh Node (server-side rendering must not throw), a consumer .ts file type-checked against
// the shipped .d.ts under moduleResolution bundler, nodenext and node10, and the tarball put
// through publint and arethetypeswrong.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {installApp, packProject, projectDir} from './packed-package.js';
import {brokenLinks} from '../docs/links.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabase-embed-pack-'));
const appDir = join(scratch, 'app');
const installedDir = join(appDir, 'node_modules', 'metabase-embed');
let tarball = '';

interface PackageJson {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  typesVersions?: Record<string, Record<string, string[]>>;
}

const installedPackage = () => JSON.parse(readFileSync(join(installedDir, 'package.json'), 'utf8')) as PackageJson;
const specifiers = () => Object.keys(installedPackage().exports).map((key) => `metabase-embed${key.slice(1)}`);
const typedSpecifiers = () =>
  Object.entries(installedPackage().exports)
    .filter(([, target]) => typeof target === 'object' && 'types' in target)
    .map(([key]) => `metabase-embed${key.slice(1)}`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

before(() => {
  tarball = packProject(scratch);
  // React and Vue are optional peers: a consumer of `metabase-embed/react` or
  // `metabase-embed/vue` installs them beside us.
  const {devDependencies} = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const peers = ['react', 'react-dom', 'vue'].map((name) => `${name}@${devDependencies[name]}`);
  installApp(appDir, [tarball, ...peers]);
});

after(() => rmSync(scratch, {recursive: true, force: true}));

describe('the packed package', () => {
  test('ships dist/ without declaration maps or sources, and every source map carries its sources', () => {
    const files = filesUnder(installedDir);
    assert.ok(files.includes('dist/cdn/metabase-embed.js') && files.includes('dist/cdn/metabase-embed.iife.js'));
    assert.ok(files.includes('dist/cdn/THIRD-PARTY-LICENSES.txt') && files.includes('custom-elements.json'));
    assert.deepEqual(
      files.filter(
        (file) => file.endsWith('.d.ts.map') || /^(src|test|demo|bench|emulator|dist\/emulator)\//.test(file),
      ),
      [],
    );
    for (const file of files.filter((name) => name.endsWith('.js.map'))) {
      const map = JSON.parse(readFileSync(join(installedDir, file), 'utf8')) as {
        sources: string[];
        sourcesContent?: string[];
      };
      assert.equal(
        map.sourcesContent?.filter((text) => typeof text === 'string').length ?? 0,
        map.sources.length,
        file,
      );
    }
  });

  test('its README.md and docs/ pages link only to files in the package, anchors included', () => {
    const pages = [
      'README.md',
      ...readdirSync(join(installedDir, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`),
    ];
    assert.ok(pages.length > 1, `only ${pages.join(', ')} in the package`);
    assert.deepEqual(
      pages.flatMap((page) => brokenLinks(installedDir, page)),
      [],
    );
  });

  test('every `exports` entry imports in a fresh Node without throwing (server-side rendering)', () => {
    const script = specifiers()
      .map((specifier) =>
        specifier.endsWith('.json')
          ? `await import(${JSON.stringify(specifier)}, {with: {type: 'json'}});`
          : `await import(${JSON.stringify(specifier)});`,
      )
      .join('\n');
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '--eval', `${script}\nconsole.log('imported');`],
      {
        cwd: appDir,
        encoding: 'utf8',
      },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), 'imported');
    assert.ok(specifiers().length >= 6, `only ${specifiers().join(', ')}`);
  });

  test('the `development` condition picks dist/development/ for each element entry, and only then', () => {
    const withDevelopment = Object.entries(installedPackage().exports).filter(
      ([, target]) => typeof target === 'object' && 'development' in target,
    );
    assert.deepEqual(
      withDevelopment.map(([key]) => key),
      ['.', './define', './element', './jsx', './react', './vue', './svelte'],
    );
    const resolveIn = (conditions: string[]) => {
      const script = withDevelopment
        .map(([key]) => `console.log(import.meta.resolve(${JSON.stringify(`metabase-embed${key.slice(1)}`)}));`)
        .join('\n');
      const result = spawnSync(
        process.execPath,
        [...conditions.map((name) => `--conditions=${name}`), '--input-type=module', '--eval', script],
        {cwd: appDir, encoding: 'utf8'},
      );
      assert.equal(result.status, 0, result.stderr);
      return result.stdout.trim().split('\n');
    };
    const inDist = (url: string) => url.slice(url.indexOf('/node_modules/metabase-embed/') + 29);
    assert.deepEqual(
      resolveIn(['development']).map(inDist),
      withDevelopment.map(([, target]) => (target as Record<string, string>).development!.slice(2)),
    );
    assert.ok(resolveIn(['development']).every((url) => inDist(url).startsWith('dist/development/')));
    assert.ok(resolveIn([]).every((url) => !inDist(url).startsWith('dist/development/')));
    // The development files import their own kind only (one element), and the one iframe-resizer.
    const relativeImports = filesUnder(join(installedDir, 'dist/development'))
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => {
        const code = readFileSync(join(installedDir, 'dist/development', file), 'utf8');
        return [...code.matchAll(/(?:from|import) '(\.[^']+)'/g)].map((match) =>
          resolve('/dist/development', file, '..', match[1]!),
        );
      });
    assert.ok(relativeImports.length > 20, `only ${relativeImports.length} imports`);
    assert.deepEqual(
      relativeImports.filter(
        (path) => !path.startsWith('/dist/development/') && path !== '/dist/vendor/iframe-resizer.js',
      ),
      [],
    );
  });

  test('the CDN bundles are files in the package, not `exports` entries (they need a browser)', () => {
    assert.deepEqual(
      Object.values(installedPackage().exports)
        .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
        .filter((target) => target.includes('/cdn/')),
      [],
    );
  });

  test('publint finds nothing, strict and down to suggestions', async () => {
    const {publint} = await import('publint');
    const {formatMessage} = await import('publint/utils');
    const data = readFileSync(tarball);
    const {messages, pkg} = await publint({
      pack: {tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)},
      level: 'suggestion',
      strict: true,
    });
    assert.deepEqual(
      messages.map((message) => formatMessage(message, pkg) ?? message.code),
      [],
    );
  });

  test('arethetypeswrong: types resolve for every entry under node10, node16 (ESM) and bundler', async () => {
    const {createPackageFromTarballData, checkPackage} = await import('@arethetypeswrong/core');
    const result = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
    assert.ok(result.types !== false, 'no types found');
    // ESM only, on purpose: `require()` of it from CommonJS code type-checked as node16 is
    // reported as CJSResolvesToESM (Node 20.19+ can require() it; TypeScript's node16 mode says no).
    const problems = 'problems' in result ? result.problems : [];
    assert.deepEqual(
      problems
        .filter((problem) => !(problem.kind === 'CJSResolvesToESM' && problem.resolutionKind === 'node16-cjs'))
        .map((problem) => JSON.stringify(problem)),
      [],
    );
  });

  for (const [mode, compilerOptions] of Object.entries({
    bundler: {module: 'esnext', moduleResolution: 'bundler'},
    nodenext: {module: 'nodenext', moduleResolution: 'nodenext'},
    node10: {module: 'commonjs', moduleResolution: 'node10'},
  })) {
    test(`a consumer .ts file type-checks against the shipped .d.ts (moduleResolution ${mode})`, () => {
      writeFileSync(join(appDir, 'consumer.ts'), consumerSource(typedSpecifiers()));
      const tsconfig = {
        compilerOptions: {
          ...compilerOptions,
          target: 'es2022',
          lib: ['es2022', 'dom', 'dom.iterable'],
          strict: true,
          noEmit: true,
          // As most apps have it (and 4x faster on this machine than checking lib.dom and
          // @types/node too); imports inside our .d.ts that fail to resolve are caught by the
          // arethetypeswrong test above (its InternalResolutionError).
          skipLibCheck: true,
          // @types/node from this project: the server entry's Node adapter names node:http.
          typeRoots: [resolve(projectDir, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['consumer.ts'],
      };
      writeFileSync(join(appDir, `tsconfig.${mode}.json`), JSON.stringify(tsconfig));
      const tsc = resolve(projectDir, 'node_modules/typescript/bin/tsc');
      const result = spawnSync(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`], {cwd: appDir, encoding: 'utf8'});
      assert.equal(result.status, 0, `tsc (${mode}):\n${result.stdout}${result.stderr}`);
    });
  }
});

/**
 * A consumer file: a namespace import of every typed entry (so a new entry without types, or
 * without a typesVersions line for node10, fails), then uses whose types must be real, not
 * `any` (each @ts-expect-error fails the check if its line is not an error).
 */
function consumerSource(entries: string[]): string {
  const namespaces = entries.map((specifier, i) => `import * as entry${i} from '${specifier}';`).join('\n');
  return `${namespaces}
import {MetabaseEmbedElement, defineMetabaseEmbed, tagName, type EmbedParams, type MetabaseEmbedJsxProps} from 'metabase-embed';
import {MetabaseEmbedElement as ClassOnly} from 'metabase-embed/element';
import {createEmbedHandler} from 'metabase-embed/server';
import type {MetabaseEmbedVueProps} from 'metabase-embed/vue';
import type {GlobalComponents} from 'vue';

export const entries = [${entries.map((_, i) => `entry${i}`).join(', ')}];

const element = document.createElement(tagName === 'metabase-embed' ? 'metabase-embed' : 'metabase-embed');
const sameClass: ClassOnly = element satisfies MetabaseEmbedElement;
const params: EmbedParams = {category: ['Gizmo'], tenant: 'Acme'};
sameClass.params = params;
element.addEventListener('metabase-embed-load', (event) => {
  const url: string = event.detail.url;
  // @ts-expect-error the detail's url is a string
  const wrong: number = event.detail.url;
  console.log(url, wrong);
});
// @ts-expect-error params is an object of filter values, not a number
element.params = 5;
defineMetabaseEmbed('my-embed');
const props: MetabaseEmbedJsxProps = {dashboard: 1, endpoint: '/api/metabase/embed', 'param-category': 'Gizmo'};
// @ts-expect-error theme is light, night or transparent
const badProps: MetabaseEmbedJsxProps = {theme: 'dark'};

// What vue-tsc and Volar check a template's <metabase-embed> against (metabase-embed/vue).
type VueProps = InstanceType<GlobalComponents['metabase-embed']>['$props'];
export const vueProps: VueProps = {
  dashboard: 1,
  params: {category: 'Gizmo'},
  minHeight: '300', // min-height="300"
  'param-state': 'CA',
  onMetabaseEmbedLoad: (event) => event.detail.url.toUpperCase(),
  onMetabaseEmbedError: (event) => event.detail.willRetry,
} satisfies MetabaseEmbedVueProps;
export const wrongVueProps: VueProps[] = [
  // @ts-expect-error theme is light, night or transparent
  {theme: 'blue'},
  // @ts-expect-error params is an object of filter values (Vue sets it as the property)
  {params: 42},
  // @ts-expect-error the load event has no reason
  {onMetabaseEmbedLoad: (event) => event.detail.reason},
];
export const handler: (request: Request) => Promise<Response> = createEmbedHandler({
  resources: {'dashboard:1': {editable: ['category'], locked: () => ({tenant: 'Acme'})}},
  authorize: () => true,
});
console.log(props, badProps);
`;
}
