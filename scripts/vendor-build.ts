// The rollup configuration of dist/vendor/iframe-resizer.js: iframe-resizer 4.3.2's parent
// script as the element's npm build imports it, without its debug logging and minified as the
// CDN bundles carry it, under a /*! notice. A bundler building `import 'metabase-embed'` then
// gets the code the CDN bundles hold, not the ~0.6 kB of log messages and the looser
// minification its own minifier would give the original file.
import {readFileSync} from 'node:fs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import type {RollupOptions} from 'rollup';
import {copyrightLine} from './cdn-build.js';
import {quietIframeResizer} from './quiet-iframe-resizer.js';

export const vendoredIframeResizer = 'dist/vendor/iframe-resizer.js';
/** How the element's sources import the script; the npm build points it at the vendored file. */
export const iframeResizerImport = 'iframe-resizer/js/iframeResizer.js';

function notice(): string {
  const dir = new URL('../node_modules/iframe-resizer/', import.meta.url);
  const {version, license} = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
    version: string;
    license: string;
  };
  const copyright = copyrightLine(readFileSync(new URL('LICENSE', dir), 'utf8'));
  return `/*! iframe-resizer ${version} | ${license} | ${copyright} */`;
}

export function vendorBundle(): RollupOptions {
  return {
    input: iframeResizerImport,
    plugins: [nodeResolve({browser: true}), quietIframeResizer()],
    // A script run for its side effect (it defines window.iFrameResize): nothing to export.
    treeshake: {moduleSideEffects: true},
    output: {
      file: vendoredIframeResizer,
      format: 'es',
      banner: notice(),
      sourcemap: true,
      plugins: [terser({ecma: 2020, compress: {passes: 3, unsafe_methods: true}, format: {comments: /^!/}})],
    },
  };
}
