// The published browser bundles of other embedding SDKs, for the size comparison. They are
// installed for the benchmark only, never as dependencies or devDependencies of this package
// (npm ci for tests stays as it is): support/cache-install.ts puts them under node_modules/.cache/.
import {join} from 'node:path';
import {build} from 'esbuild';
import {installIntoCache} from '../../support/cache-install.js';
import {fileGzipBytes, gzipBytes} from '../../scripts/bundle-sizes.js';

interface Peer {
  name: string;
  version: string;
  /** The file a script tag or CDN serves, inside the package... */
  bundle?: string;
  /** ...or, where the package has none, the entry esbuild bundles for the browser. */
  entry?: string;
}

export const peers: Peer[] = [
  {name: '@superset-ui/embedded-sdk', version: '0.4.0', bundle: 'bundle/index.js'},
  {name: '@looker/embed-sdk', version: '2.0.8', bundle: 'dist/main.js'},
  {name: 'powerbi-client', version: '2.24.1', bundle: 'dist/powerbi.min.js'},
  // Its npm package holds CommonJS only (Tableau serves its browser bundle from Tableau's own
  // servers), so esbuild bundles and minifies its main entry for the browser.
  {name: '@tableau/embedding-api', version: '3.16.1', entry: 'lib/src/EmbeddingApi.js'},
];

const folder = join('node_modules', '.cache', 'metabase-embed-bench', 'peers');

async function bundledGzipBytes(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  return gzipBytes(result.outputFiles[0]!.contents);
}

/** Each peer's browser bundle and its gzip -9 size in bytes. */
export async function peerSizes(): Promise<{label: string; gzipBytes: number}[]> {
  const modules = installIntoCache(
    folder,
    peers.map(({name, version}) => `${name}@${version}`),
  );
  const sizes = [];
  for (const peer of peers) {
    const packageFolder = join(modules, peer.name);
    sizes.push(
      peer.bundle
        ? {
            label: `${peer.name} ${peer.version} (${peer.bundle})`,
            gzipBytes: fileGzipBytes(join(packageFolder, peer.bundle)),
          }
        : {
            label: `${peer.name} ${peer.version} (${peer.entry}, esbuild-bundled)`,
            gzipBytes: await bundledGzipBytes(join(packageFolder, peer.entry!)),
          },
    );
  }
  return sizes;
}
