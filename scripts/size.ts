#!/usr/bin/env node
// `npm run size`: what each module of the CDN bundle costs, then the shipped files' sizes.
// The per-module table comes from an esbuild build of src/cdn.ts with its metafile: the
// minified bytes each module leaves in the output (gzip is not additive per module, so the
// share of minified bytes is the honest per-module figure), and for the project's modules
// the gzip bytes the bundle would lose without each (gzipSavedWithout). The file table measures
// dist/cdn/* as built by rollup (run `npm run build` first), gzip level 9 as CDNs serve it.
import {existsSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {build, type Metafile} from 'esbuild';
import {gzipBytes as gzip} from './bundle-sizes.js';
import {cdnSettingsForEsbuild} from './cdn-settings.js';

const shippedFiles = ['dist/cdn/metabase-embed.iife.js', 'dist/cdn/metabase-embed.js'];

/** `node_modules/@lit/reactive-element/x.js` → `@lit/reactive-element`; project files → `(own code)`. */
export function packageOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match ? match[1]! : '(own code)';
}

const bundleOptions = (entry: string) => ({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm' as const,
  platform: 'browser' as const,
  write: false as const,
  logLevel: 'silent' as const,
  ...cdnSettingsForEsbuild(),
});

interface ModuleCost {
  path: string;
  package: string;
  bytes: number;
}

/** The one output of a build of one entry. */
function onlyOutput(metafile: Metafile | undefined): Metafile['outputs'][string] {
  const [output] = Object.values(metafile?.outputs ?? {});
  if (!output) throw new Error('esbuild wrote no output');
  return output;
}

/** Minified bytes per input module of one esbuild bundle of `entry`, largest first. */
export async function moduleCosts(entry = 'src/cdn.ts'): Promise<{modules: ModuleCost[]; total: number}> {
  const result = await build({...bundleOptions(entry), metafile: true});
  const output = onlyOutput(result.metafile);
  const modules = Object.entries(output.inputs)
    .map(([path, {bytesInOutput}]) => ({path, package: packageOf(path), bytes: bytesInOutput}))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return {modules, total: output.bytes};
}

/** Gzip bytes of the esbuild bundle of `entry` (what gzipSavedWithout compares with). */
export async function bundleGzipBytes(entry: string): Promise<number> {
  return gzip((await build(bundleOptions(entry))).outputFiles[0]!.contents);
}

/** The names a module exports, from an esbuild build of it alone. */
async function exportsOf(path: string): Promise<string[]> {
  const result = await build({...bundleOptions(path), metafile: true, packages: 'external'});
  return onlyOutput(result.metafile).exports;
}

/**
 * Gzip bytes the bundle of `entry` would lose without `path`: the module is replaced by one
 * that exports the same names as undefined, so whatever only it used goes too. The build is
 * measured, never run. Gzip is not additive, so these overlap and do not sum to the total.
 */
export async function gzipSavedWithout(entry: string, path: string, wholeGzipBytes: number): Promise<number> {
  const names = await exportsOf(path);
  const stub = names.length ? `export const ${names.map((name) => `${name} = void 0`).join(', ')};` : '';
  const absolute = resolve(path);
  const options = bundleOptions(entry);
  const result = await build({
    ...options,
    plugins: [
      {
        name: 'stub-one-module',
        setup(builder) {
          builder.onLoad({filter: /\.[jt]s$/}, (args) =>
            args.path === absolute ? {contents: stub, loader: 'js'} : undefined,
          );
        },
      },
      ...options.plugins,
    ],
  });
  return wholeGzipBytes - gzip(result.outputFiles[0]!.contents);
}

function table(headers: string[], rows: Array<Array<string | number>>): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: Array<string | number>) =>
    cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const {modules, total} = await moduleCosts();
  const percent = (bytes: number) => `${((bytes / total) * 100).toFixed(1)}%`;

  const byPackage = new Map<string, number>();
  for (const row of modules) byPackage.set(row.package, (byPackage.get(row.package) ?? 0) + row.bytes);
  console.log(`src/cdn.ts bundled and minified by esbuild: ${total} B\n`);
  console.log(
    table(
      ['package', 'minified B', 'share'],
      [...byPackage].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, bytes, percent(bytes)]),
    ),
  );
  console.log('');
  const wholeGzipBytes = await bundleGzipBytes('src/cdn.ts');
  const saved = new Map<string, number>();
  for (const row of modules.filter((candidate) => candidate.package === '(own code)'))
    saved.set(row.path, await gzipSavedWithout('src/cdn.ts', row.path, wholeGzipBytes));
  console.log(
    table(
      ['module', 'minified B', 'share', 'gzip B without it'],
      modules.map((row) => [row.path, row.bytes, percent(row.bytes), saved.get(row.path) ?? '']),
    ),
  );
  console.log(
    '("gzip B without it": what the bundle loses when the module and all that only it uses are left out; these overlap)',
  );
  console.log('');
  const built = shippedFiles.filter((file) => existsSync(file));
  if (built.length === 0) console.log('dist/cdn/ is not built: run `npm run build` for the shipped sizes');
  else
    console.log(
      table(
        ['shipped file', 'bytes', 'gzip -9 B'],
        built.map((file) => [file, readFileSync(file).length, gzip(readFileSync(file))]),
      ),
    );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
