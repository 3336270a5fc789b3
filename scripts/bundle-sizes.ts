// Gzip sizes of what users download, shared by the size-budget test and the size benchmarks.
// Gzip at level 9, as CDNs serve it. "Own code" is what the element adds on top of its
// dependencies once a bundler has minified it: lit and iframe-resizer are left out.
import {readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {build, type BuildOptions} from 'esbuild';
import {cdnSettingsForEsbuild} from './cdn-settings.js';

/** The packages the element stands on (lit's own parts included), never counted as its code. */
export const dependencyPackages = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'iframe-resizer'];

export const gzipBytes = (code: string | Uint8Array) => gzipSync(code, {level: 9}).length;

export const fileGzipBytes = (file: string) => gzipBytes(readFileSync(file));

export async function minifiedBundle(options: BuildOptions): Promise<Uint8Array> {
  const result = await build({
    ...options,
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'silent',
    platform: 'browser',
  });
  return result.outputFiles[0]!.contents;
}

/** An ESM entry and the project files it imports, minified, without the dependencies. */
export async function ownCodeGzipBytes(entry: string): Promise<number> {
  // dist/vendor/ holds iframe-resizer for the npm build (scripts/vendor-build.ts).
  const external = [...dependencyPackages.flatMap((name) => [name, `${name}/*`]), '*/vendor/iframe-resizer.js'];
  return gzipBytes(await minifiedBundle({entryPoints: [entry], format: 'esm', external}));
}

/**
 * lit and iframe-resizer's parent script alone, as the CDN bundles carry them (lit's
 * ReactiveElement part, iframe-resizer without its debug logging), minified in one script.
 */
export async function dependenciesGzipBytes(): Promise<number> {
  const contents = ["export * from '@lit/reactive-element';", "import 'iframe-resizer/js/iframeResizer.js';"].join(
    '\n',
  );
  const stdin = {contents, resolveDir: process.cwd(), loader: 'js' as const};
  return gzipBytes(await minifiedBundle({stdin, format: 'iife', ...cdnSettingsForEsbuild()}));
}
