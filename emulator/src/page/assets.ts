// Static files of the emulator: the page script and stylesheet, and iframe-resizer 4.3.2's
// two scripts (the child for embed pages, the parent at /app/iframeResizer.js like Metabase).
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import type {AssetName} from '../http/routes.js';
import {PAGE_CSS} from './styles.js';

export interface Asset {
  contentType: string;
  body: string;
}

const require = createRequire(import.meta.url);
const JS = 'text/javascript; charset=utf-8';

/**
 * The built page script sits next to this file in dist/. Running from the sources (tests,
 * `tsx`), it is bundled on first use with esbuild, a development dependency.
 */
async function pageScript(): Promise<string> {
  const built = new URL('./embed-page.js', import.meta.url);
  try {
    return await readFile(built, 'utf8');
  } catch {
    const esbuildModule = 'esbuild'; // not a literal, so rollup leaves this dev-only import alone
    const esbuild = (await import(esbuildModule)) as typeof import('esbuild');
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./client/main.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      target: 'es2021',
      write: false,
      logLevel: 'silent',
    });
    const [output] = result.outputFiles;
    if (!output) throw new Error('esbuild wrote no output for the embed page script');
    return output.text;
  }
}

const loaders: Record<AssetName, () => Promise<Asset>> = {
  'page-script': async () => ({contentType: JS, body: await pageScript()}),
  'page-style': () => Promise.resolve({contentType: 'text/css; charset=utf-8', body: PAGE_CSS}),
  'iframe-resizer-child': async () => ({
    contentType: JS,
    body: await readFile(require.resolve('iframe-resizer/js/iframeResizer.contentWindow.min.js'), 'utf8'),
  }),
  'iframe-resizer-parent': async () => ({
    contentType: JS,
    body: await readFile(require.resolve('iframe-resizer/js/iframeResizer.min.js'), 'utf8'),
  }),
};

const cache = new Map<AssetName, Promise<Asset>>();

/** Loads an asset once per process. */
export function loadAsset(name: AssetName): Promise<Asset> {
  let asset = cache.get(name);
  if (!asset) {
    asset = loaders[name]();
    asset.catch(() => cache.delete(name)); // retry a failed load next time
    cache.set(name, asset);
  }
  return asset;
}
