// Which test files there are, and which of them need the build (dist/).
//
// Test files end in `.test.ts` (`.node.test.ts`: Node; the others: browsers) and live under
// test/ and under each npm workspace's test/; folders named `fixtures` hold files that only
// the tests of this machinery run, by name.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join, relative, resolve, sep} from 'node:path';
import {build} from 'esbuild';

export const isNodeTest = (file: string): boolean => file.endsWith('.node.test.ts');
export const isTestFile = (file: string): boolean => file.endsWith('.test.ts');

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as {name: string; workspaces?: string[]};

/** The workspace folders package.json names (`"workspaces": ["emulator", "packages/*"]`). */
function workspaceFolders(): string[] {
  const {workspaces = []} = readJson('package.json');
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return existsSync(parent)
      ? readdirSync(parent, {withFileTypes: true})
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(parent, entry.name))
      : [];
  });
}

/** The build's output folders that do not exist yet: dist/ and each workspace's dist/. */
export const missingBuildOutputs = (): string[] =>
  ['dist', ...workspaceFolders().map((folder) => join(folder, 'dist'))].filter((folder) => !existsSync(folder));

/** The folders searched for test files: test/ and each workspace's test/. */
export const testRoots = (): string[] =>
  ['test', ...workspaceFolders().map((folder) => join(folder, 'test'))].filter((root) => existsSync(root));

/** Every test file under the test roots, sorted, as paths from the repository root. */
export function discoverTests(): string[] {
  return testRoots()
    .flatMap((root) => readdirSync(root, {recursive: true, encoding: 'utf8'}).map((file) => join(root, file)))
    .filter((file) => isTestFile(file) && !file.split(sep).includes('fixtures') && !file.includes('node_modules'))
    .sort();
}

// What marks code that reads the build, once comments are gone: a string naming dist/ (the
// bundles, the emulator's CLI) or the custom-elements manifest, the demo's test server (the
// demo serves dist/), or an import of this package or a workspace's by its name (resolved
// through package.json "exports" to dist/), in the file's code or in source text it hands
// to a compiler.
const readsBuild = /["'`][^"'`\n]*(?:\bdist(?:\/|["'`])|custom-elements\.json|\/__servers\/demo\b)/;

function packageImport(): RegExp {
  const names = [
    readJson('package.json').name,
    ...workspaceFolders().map((folder) => readJson(join(folder, 'package.json')).name),
  ];
  const name = names.map((each) => each.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  return new RegExp(`\\b(?:from|import)\\s*\\(?\\s*["'\`](?:${name})(?:/[\\w./-]*)?["'\`]`);
}

/**
 * The files among `files` whose code, or any local module it imports (however deep), reads
 * the build: esbuild bundles each one (npm packages left out) without writing anything, and
 * the bundle, free of comments, is searched (with every statement kept: what a file uses of a
 * helper module is not what decides).
 */
export async function filesNeedingBuild(files: string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const importsPackage = packageImport();
  const outdir = resolve('.test-files-scan'); // never written: write is false
  const {outputFiles, metafile} = await build({
    entryPoints: files,
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    treeShaking: false,
    platform: 'node',
    format: 'esm',
    outdir,
    outbase: '.',
    logLevel: 'silent',
  });
  return outputFiles.flatMap((output) => {
    const entryPoint = metafile.outputs[relative(process.cwd(), output.path)]?.entryPoint;
    const needs = readsBuild.test(output.text) || importsPackage.test(output.text);
    return entryPoint && needs ? [entryPoint] : [];
  });
}
