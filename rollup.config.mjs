// Three outputs from one source tree:
//  1. dist/**/*.js: unbundled ESM for bundler and Node users (dependencies stay external).
//  2. dist/cdn/metabase-embed.iife.js: one minified classic script that registers the element.
//  3. Declarations come from `tsc -p tsconfig.build.json` (run by the build script).
import {readFileSync} from 'node:fs';
import {builtinModules} from 'node:module';
import esbuild from 'rollup-plugin-esbuild';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const iframeResizerPkg = JSON.parse(
  readFileSync(new URL('./node_modules/iframe-resizer/package.json', import.meta.url), 'utf8'),
);
const dependencies = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...builtinModules,
];
const isExternal = (id) => id.startsWith('node:') || dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

// iframe-resizer's files carry no /*! header, so terser would drop its notice: restore it.
const banner = `/*! metabase-embed ${pkg.version} | MIT License */
/*! iframe-resizer ${iframeResizerPkg.version} | (c) David J. Bradshaw | MIT License | https://github.com/davidjbradshaw/iframe-resizer */`;

export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      'metabase-embed': 'src/metabase-embed.ts',
      jsx: 'src/jsx.ts',
      react: 'src/react.ts',
      'server/index': 'src/server/index.ts',
      'emulator/index': 'src/emulator/index.ts',
      'emulator/cli': 'src/emulator/cli.ts',
    },
    external: isExternal,
    plugins: [esbuild({target: 'es2022', tsconfig: 'tsconfig.json'})],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },
  {
    input: 'src/cdn.ts',
    plugins: [nodeResolve({browser: true}), esbuild({target: 'es2021', tsconfig: 'tsconfig.json'})],
    output: {
      file: 'dist/cdn/metabase-embed.iife.js',
      format: 'iife',
      name: 'MetabaseEmbed',
      banner,
      sourcemap: true,
      plugins: [terser({format: {comments: /^!/}})],
    },
  },
  // Emulator only: the embed page's browser script, one classic file that the emulator
  // serves as /app/embed/embed-page.js (src/emulator/page/assets.ts reads it from here).
  {
    input: 'src/emulator/page/client/main.ts',
    plugins: [esbuild({target: 'es2021', tsconfig: 'tsconfig.json'})],
    output: {file: 'dist/emulator/page/embed-page.js', format: 'iife'},
  },
];
