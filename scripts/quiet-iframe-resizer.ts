// A rollup plugin for the CDN bundles (scripts/cdn-build.ts): drops the debug-logging calls
// of iframe-resizer 4.3.2's parent script, `log(…)` and `info(…)`, and nothing else. They
// print only when iframe-resizer is started with `log: true`, which src/controllers/resizer.ts
// never passes, so they can never print; their message strings cost ~630 B gzip. Its
// `warn(…)` calls print whatever the options, so they stay. Only this one file is touched:
// a function named `log` or `info` elsewhere (lit, our own code) is left alone.
import {readFile} from 'node:fs/promises';
import type {Plugin as EsbuildPlugin} from 'esbuild';
import type {Plugin as RollupPlugin, SourceMapInput} from 'rollup';
import {minify} from 'terser';

export const iframeResizerParentScript = /[\\/]iframe-resizer[\\/]js[\\/]iframeResizer\.js$/;

/** The debug-only functions of iframe-resizer's parent script whose calls are dropped. */
export const debugLogFunctions = ['log', 'info'];

/** `code` (iframe-resizer's parent script) without its debug-logging calls, and a source map. */
export async function withoutDebugLogging(
  code: string,
  fileName: string,
): Promise<{code: string; map: SourceMapInput}> {
  const result = await minify(
    {[fileName]: code},
    {
      // Only the calls go: no other compression, no renaming, the layout kept. The final
      // terser pass of the bundle minifies as usual and drops the functions left unused.
      compress: {defaults: false, side_effects: true, pure_funcs: debugLogFunctions},
      mangle: false,
      format: {beautify: true, comments: 'all'},
      sourceMap: {includeSources: true},
    },
  );
  return {code: result.code ?? '', map: result.map as SourceMapInput};
}

/** The rollup plugin of the CDN builds. */
export function quietIframeResizer(): RollupPlugin {
  return {
    name: 'quiet-iframe-resizer',
    async transform(code, id) {
      if (!iframeResizerParentScript.test(id)) return null;
      return withoutDebugLogging(code, id);
    },
  };
}

// By path, once per process: scripts/size.ts builds the bundle once per module it measures.
const quietedByPath = new Map<string, Promise<{code: string}>>();

/**
 * The same for esbuild, so that sizes measured with esbuild (scripts/size.ts, the floor in
 * scripts/bundle-sizes.ts) count iframe-resizer as the CDN bundles ship it.
 */
export function quietIframeResizerForEsbuild(): EsbuildPlugin {
  return {
    name: 'quiet-iframe-resizer',
    setup(build) {
      build.onLoad({filter: iframeResizerParentScript}, ({path}) => {
        let quieted = quietedByPath.get(path);
        if (!quieted) {
          quieted = readFile(path, 'utf8').then((code) => withoutDebugLogging(code, path));
          quietedByPath.set(path, quieted);
        }
        return quieted.then(({code}) => ({contents: code, loader: 'js' as const}));
      });
    },
  };
}
